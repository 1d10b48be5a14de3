/**
 * The HTTP client a HEALTHCHECK runs (`curl`, `wget`) and whether the final image has it: installed by a
 * package manager in the chain, or shipped by the curated base image (Debian/Ubuntu slim images and
 * distroless have neither; alpine and busybox have BusyBox `wget` but no `curl`). Unknown — and so no
 * finding — when the base is not curated or when anything else in the chain could have brought the tool:
 * a script, a download, a COPY into a `bin` directory, packages named at build time.
 */
import type { ImageFacts } from './baseImages';
import { copyParts } from './copySources';
import { baseFactsOf, chainInstructions, rootImageText } from './finalImage';
import { copyDestination } from './flows';
import { packageOpsOf } from './instrPackages';
import type { DockerfileModel, Instr, Stage } from './model';
import { runsLocalScript } from './opaqueCommands';
import { commandRange, runScriptsOf, shellScriptsOf } from './runScript';
import { commandName, type ShellCommand } from './shell';
import { keptPackages } from './stagePackages';
import type { Range } from 'vscode-languageserver-types';
import { effectiveUser, type EffectiveUser } from './users';

export interface MissingHealthTool {
  readonly target: Stage;
  readonly healthcheck: Instr;
  readonly tool: 'curl' | 'wget';
  readonly range: Range;
  readonly facts: ImageFacts;
  readonly image: string;
  /** Who runs instructions at the HEALTHCHECK (a fix installing the tool must run as root). */
  readonly userAtHealthcheck: EffectiveUser;
}

/** Packages whose installation provides the tool. */
const PROVIDERS: Readonly<Record<'curl' | 'wget', RegExp>> = { curl: /^curl(-minimal)?$/, wget: /^(wget|wget2|busybox|busybox-static)$/ };

export function missingHealthTools(model: DockerfileModel): MissingHealthTool[] {
  const out: MissingHealthTool[] = [];
  for (const target of model.targets) {
    const instrs = chainInstructions(target);
    const healthcheck = [...instrs].reverse().find((i) => i.keyword === 'HEALTHCHECK');
    if (!healthcheck || healthcheck.args[0]?.value.toUpperCase() !== 'CMD') continue;
    const script = runScriptsOf(model, healthcheck)[0];
    const command = script?.script.commands.find((c) => ['curl', 'wget'].includes(commandName(c) ?? ''));
    if (!script || !command) continue;
    const tool = commandName(command) as 'curl' | 'wget';
    const facts = baseFactsOf(model, target);
    if (!facts.known || facts.tools[tool] !== 'no') continue;
    if (mayProvide(model, target, instrs, tool)) continue;
    out.push({
      target, healthcheck, tool, range: commandRange(script, command), facts, image: rootImageText(target) ?? facts.repository,
      userAtHealthcheck: effectiveUser(model, target, healthcheck),
    });
  }
  return out;
}

function mayProvide(model: DockerfileModel, target: Stage, instrs: readonly Instr[], tool: 'curl' | 'wget'): boolean {
  if (keptPackages(model, target).some((p) => p.pkg.kind !== 'name' || PROVIDERS[tool].test(p.pkg.name))) return true;
  for (const instr of instrs) {
    if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
      const parts = copyParts(model, instr);
      const dest = copyDestination(model, instr);
      if (dest === undefined || /\/s?bin(\/|$)/.test(dest) || model.textOf(instr.range).includes(tool)) return true;
      // A directory tree copied into / (`COPY rootfs/ /`) may hold anything; `COPY app.py /` does not.
      if (dest === '/' && parts!.sources.some((src) => src.value === undefined || !/.\.[A-Za-z0-9]+$/.test(src.value))) return true;
      continue;
    }
    if (instr.keyword !== 'RUN') continue;
    const ops = packageOpsOf(model, instr);
    if (ops.installs.some((i) => i.fromManifest && ['deb', 'apk', 'rpm'].includes(i.ecosystem))) return true;
    if (runScriptsOf(model, instr).some((s) => s.language !== 'sh')) return true;
    for (const s of shellScriptsOf(model, instr)) {
      if (s.script.commands.some((c: ShellCommand) => runsLocalScript(c) || ['dpkg', 'rpm', 'curl', 'wget', 'tar', 'unzip', 'ln', 'cp', 'mv', 'install', 'xargs', 'eval'].includes(commandName(c) ?? '') || c.words.some((w) => w.value.includes(tool)))) return true;
    }
  }
  return false;
}
