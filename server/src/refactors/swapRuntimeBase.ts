/**
 * "Use '<runtime image>'": the final stage of a multi-stage build that is based on an SDK image (`golang`,
 * `maven`, `mcr.microsoft.com/dotnet/sdk`, a full `node`/`python` image) while another stage already builds,
 * moves to the SDK's runtime sibling (distroless/static, `*-jre`, `dotnet/aspnet`, `debian:*-slim`,
 * `node:*-slim`). Offered only when the stage needs nothing of the SDK: it runs no build tool, every program it
 * starts exists in the runtime image (its language runtime, files it copies), and on an image without a shell
 * it runs no RUN and no shell-form command.
 */
import type { Range } from 'vscode-languageserver-types';
import { describeImageText, imageHasUser, type ImageFacts } from '../analysis/baseImages';
import { copyParts } from '../analysis/copySources';
import type { DockerfileModel, Instr, Stage } from '../analysis/model';
import { runScriptsOf } from '../analysis/runScript';
import { commandName, commandWordIndex } from '../analysis/shell';
import { wordValue } from '../analysis/wordValue';
import { replace } from '../engine/fixes';
import { onInstruction } from './selection';
import type { Refactor, RefactorAction } from './types';

/** Commands that need the SDK (compilers, build tools, package fetchers that are not in the runtime image). */
const SDK_COMMANDS = new Set([
  'go', 'gofmt', 'cargo', 'rustc', 'rustup', 'mvn', 'mvnw', 'gradle', 'gradlew', 'javac', 'jar', 'jlink', 'gcc', 'g++', 'cc', 'c++',
  'make', 'cmake', 'git', 'curl', 'wget', 'pip', 'pip3', 'poetry', 'npm', 'npx', 'yarn', 'pnpm', 'dotnet',
]);
const LANGUAGE_PROGRAMS: Readonly<Record<string, readonly string[]>> = {
  python: ['python', 'python3'], node: ['node', 'npm', 'yarn'], java: ['java'], dotnet: ['dotnet'],
};
const BASIC = new Set(['sh', 'exec', 'echo', 'test', '[', 'true', 'cat', 'sleep', 'env', 'printf', 'ls', 'mkdir', 'rm', 'cp', 'mv', 'id']);

function programsOk(model: DockerfileModel, stage: Stage, facts: ImageFacts, copied: readonly string[]): boolean {
  const noShell = facts.tools.sh !== 'yes';
  for (const instr of stage.instructions) {
    if (!['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(instr.keyword)) continue;
    const scripts = runScriptsOf(model, instr);
    for (const script of scripts) {
      if (script.language !== 'sh') return false;
      if (noShell && (instr.keyword === 'RUN' || script.form !== 'exec')) return false;
      for (const cmd of script.script.commands) {
        const name = commandName(cmd);
        if (!name) continue;
        if (instr.keyword === 'RUN') {
          if (SDK_COMMANDS.has(name)) return false;
          continue;
        }
        if (cmd.parent !== undefined && noShell) return false;
        const exe = cmd.words[commandWordIndex(cmd)]!.value;
        if (exe.includes('/')) {
          if (!copied.some((p) => exe === p || exe.startsWith(p.endsWith('/') ? p : `${p}/`))) return false;
        } else if (!(LANGUAGE_PROGRAMS[facts.language.name] ?? []).includes(exe) && !(!noShell && BASIC.has(exe))) {
          const tool = exe as keyof ImageFacts['tools'];
          if (!(tool in facts.tools && facts.tools[tool] === 'yes')) return false;
        }
      }
    }
  }
  return true;
}

/** Absolute destinations of the stage's COPY/ADD instructions. */
function copiedPaths(model: DockerfileModel, stage: Stage): string[] {
  const out: string[] = [];
  for (const instr of stage.instructions) {
    const parts = copyParts(model, instr);
    if (!parts?.dest) continue;
    const value = parts.json ? parts.dest.value : wordValue(model, parts.dest.value, instr);
    const text = typeof value === 'string' ? value : value.known ? value.value : undefined;
    if (text?.startsWith('/')) out.push(text);
  }
  return out;
}

/** Every USER names an account of the runtime image or one a RUN of the stage creates. */
function usersOk(model: DockerfileModel, stage: Stage, facts: ImageFacts): boolean {
  const created = new Set<string>();
  for (const instr of stage.instructions) {
    for (const script of instr.keyword === 'RUN' ? runScriptsOf(model, instr) : []) {
      for (const cmd of script.script.commands) {
        const name = commandName(cmd);
        if (name === 'useradd' || name === 'adduser') created.add(cmd.words[cmd.words.length - 1]?.value ?? '');
      }
    }
  }
  return stage.instructions.filter((i: Instr) => i.keyword === 'USER').every((i) => {
    const name = (i.args[0]?.value ?? '').split(':')[0]!;
    return created.has(name) || imageHasUser(facts, name) === 'yes';
  });
}

export const swapRuntimeBase: Refactor = {
  id: 'swap-runtime-base',
  kind: 'refactor.rewrite',
  resolves: ['no-sdk-base-in-final-stage'],
  safety: 'unsafe',
  offer(model: DockerfileModel, range: Range): RefactorAction | undefined {
    const stage = model.targets.find((s) => onInstruction(s.from, range));
    if (!stage || model.stages.length < 2 || stage.base.kind !== 'image' || !stage.base.resolved) return undefined;
    if (!model.edges.some((e) => e.source === stage && e.kind !== 'from' && e.target)) return undefined; // it copies from a builder
    const facts = describeImageText(stage.base.resolved);
    if (facts.variant !== 'sdk' || !facts.runtimeAlternative) return undefined;
    const runtime = describeImageText(facts.runtimeAlternative);
    if (!runtime.known || runtime.family === 'windows') return undefined;
    if (stage.instructions.some((i) => i.keyword === 'RUN') && runtime.packageManager !== facts.packageManager) return undefined;
    if (!programsOk(model, stage, runtime, copiedPaths(model, stage)) || !usersOk(model, stage, runtime)) return undefined;
    // An untagged distroless reference means `:latest`; `:nonroot` pins the variant without root.
    const text = runtime.family === 'distroless' && !/:[^/]+$/.test(facts.runtimeAlternative) ? `${facts.runtimeAlternative}:nonroot` : facts.runtimeAlternative;
    return { id: 'swap-runtime-base', title: `Use '${text}'`, kind: 'refactor.rewrite', edits: [replace(stage.base.range, text)] };
  },
};
