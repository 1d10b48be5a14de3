/**
 * Writes the two stages of a split from the analysis and the ecosystem's plan.
 *
 * Builder: the original stage up to its last build step, named `builder`, without what only configures the final
 * image (LABEL, EXPOSE, VOLUME, STOPSIGNAL, HEALTHCHECK, CMD, ENTRYPOINT), plus the plan's additions.
 *
 * Runtime: the runtime image, then in the original order the instructions the running container needs — ENV,
 * LABEL, ARGs they use, the final WORKDIR, files copied from the context outside the build tree (entrypoint
 * scripts, configuration), user and directory setup RUNs — with the system packages reinstalled without the
 * build-only ones, the artifacts copied from the builder at the same paths (so CMD/ENTRYPOINT run unchanged),
 * everything after the last build step, and a non-root USER before CMD/ENTRYPOINT.
 *
 * Every program the container or its HEALTHCHECK starts must exist in the runtime image, or the split is
 * declined: a file that builds but cannot start is worse than no refactor.
 */
import { describeImageText, imageHasUser, type ImageFacts } from '../../analysis/baseImages';
import type { Instr } from '../../analysis/model';
import { createUserLines, nonRootPlan } from '../../engine/edits/addUser';
import { blocksOf, regionStart, renderPieces, type Block, type Piece } from '../layout';
import { asKeyword, keyword, styled } from '../style';
import { copyDestination, type SplitAnalysis } from './analysis';
import { Declined } from './declined';
import { copiedPaths, createsUser, treeOwner } from './owners';
import { blockOf, builderFrom, envKeys, workdirPiece } from './pieces';
import type { EcosystemPlan } from './plan';
import { checkPrograms } from './programs';
import { within } from './runKinds';
import { installInstruction, installsSystemPackages, runtimePackages, type SystemFamily } from './runtimePackages';

export type SplitOutcome = { readonly output: string } | { readonly declined: string };

const RUNTIME_ONLY = new Set(['LABEL', 'MAINTAINER', 'EXPOSE', 'VOLUME', 'STOPSIGNAL', 'HEALTHCHECK', 'CMD', 'ENTRYPOINT']);
const START = new Set(['HEALTHCHECK', 'CMD', 'ENTRYPOINT']);
/** Packages distroless/static already ships. */
const DISTROLESS_BUILTIN = new Set(['ca-certificates', 'tzdata']);
/** ENV keys that configure build tools only (package managers, compilers): the runtime does not need them. */
const BUILD_ONLY_ENV = /^(POETRY_|PIP_|PIPENV_|UV_|NPM_CONFIG_|YARN_|CARGO_|RUSTUP_|GOPROXY$|GOFLAGS$|GOPRIVATE$|GONOSUMDB$|GOSUMDB$|CGO_|MAVEN_|GRADLE_|DOTNET_CLI_|NUGET_)/;

interface Entry {
  readonly piece: Piece;
  readonly keyword: string;
  /** For ARG pieces: the variable's name (dropped when nothing in the runtime uses it). */
  readonly arg?: string;
  /** The generated install of the runtime packages. */
  readonly install?: boolean;
}

export function assembleSplit(analysis: SplitAnalysis, plan: EcosystemPlan): SplitOutcome {
  let result = tryAssemble(analysis, plan, plan.runtimeImage);
  if (result instanceof Declined && result.needsShell && plan.shellRuntimeImage) result = tryAssemble(analysis, plan, plan.shellRuntimeImage);
  return result instanceof Declined ? { declined: result.reason } : { output: result };
}

function familyOf(facts: ImageFacts): SystemFamily | undefined {
  return facts.packageManager === 'apt' ? 'deb' : facts.packageManager === 'apk' ? 'apk' : undefined;
}

function tryAssemble(analysis: SplitAnalysis, plan: EcosystemPlan, image: string): string | Declined {
  const { model, stage, style, instrs, last } = analysis;
  const runtimeFacts = describeImageText(model.expand(image, undefined).value);
  if (!runtimeFacts.known) return new Declined(`the runtime image '${image}' is not known`);
  const noShell = runtimeFacts.tools.sh !== 'yes';
  const builderFamily = familyOf(analysis.facts);
  const family = familyOf(runtimeFacts);

  // System packages the runtime needs.
  const head = instrs.slice(0, last + 1);
  const installRuns = head.filter((i) => i.keyword === 'RUN' && installsSystemPackages(model, i));
  let specs: string[] = [];
  let dropped = 0;
  if (installRuns.length > 0) {
    if (!builderFamily) return new Declined('packages of an unknown package manager');
    const found = runtimePackages(model, installRuns, {
      family: builderFamily, release: runtimeFacts.osRelease, linksLibraries: plan.linksLibraries, pythonImage: runtimeFacts.language.name === 'python',
      buildOnly: plan.buildOnlyPackages ?? [],
    });
    if (!found) return new Declined('the runtime packages cannot be determined');
    specs = found.specs;
    dropped = found.dropped;
  }
  for (const extra of plan.extraPackages ?? []) if (!specs.includes(extra)) specs.push(extra);
  if (family !== builderFamily) {
    if (!noShell) return new Declined('the runtime image has another package manager');
    if (specs.some((s) => !DISTROLESS_BUILTIN.has(s))) return new Declined('packages need a shell', true);
    specs = [];
  }
  if (runtimeFacts.repository === analysis.facts.repository && model.expand(image, undefined).value === (stage.base.kind === 'image' ? stage.base.resolved : undefined) && dropped === 0 && !plan.gain) {
    return new Declined('nothing to leave out of the runtime image');
  }

  // The user the container runs as.
  const original = analysis.user && !/^(root|0)(:.*)?$/.test(analysis.user.value) ? analysis.user : undefined;
  let createUser: readonly string[] | undefined;
  let userPiece: Piece;
  if (original) {
    const name = original.value.split(':')[0]!;
    const createdByUserRun = instrs.some((i) => analysis.runKinds.get(i) === 'user' && createsUser(analysis, i, name));
    if (!/^\d+$/.test(name) && !name.startsWith('$') && imageHasUser(runtimeFacts, name) !== 'yes' && !(createdByUserRun && family === builderFamily)) {
      const lines = createUserLines(runtimeFacts, name);
      if (!lines) return new Declined(`user '${name}' cannot be created in the runtime image`, true);
      createUser = styled(style, lines);
    }
    const block = blockOf(analysis, original.instr);
    userPiece = { lines: block?.lines ?? [model.textOf(original.instr.range)], blankBefore: 0 };
  } else {
    const plan = nonRootPlan(runtimeFacts);
    if (!plan) return new Declined('no non-root user for the runtime image');
    const lines = styled(style, plan.lines);
    createUser = lines.length > 1 ? lines.slice(0, -1) : undefined;
    userPiece = { lines: lines.slice(-1), blankBefore: 0 };
  }
  if (createUser && noShell) return new Declined('creating the user needs a shell', true);

  // The build gave the application tree to a user (`COPY --chown`, `chown -R`): its copy in the runtime keeps
  // that owner. Compiled artifacts only need to be readable.
  const owner = plan.ecosystem === 'python' || plan.ecosystem === 'node' ? treeOwner(analysis) : undefined;
  if (owner === null) return new Declined('the build tree has several owners');
  if (owner !== undefined) {
    const name = owner.split(':')[0]!;
    const known = /^\d+$/.test(name) || imageHasUser(runtimeFacts, name) === 'yes' || name === original?.value.split(':')[0] ||
      instrs.some((i) => analysis.runKinds.get(i) === 'user' && createsUser(analysis, i, name));
    if (!known) return new Declined(`the tree's owner '${name}' does not exist in the runtime image`);
  }
  const chownFor = (from: string) => (owner !== undefined && analysis.tree !== undefined && within(from, analysis.tree) ? ` --chown=${owner}` : '');

  const headWorkdir = analysis.workdirBefore[last + 1] ?? analysis.finalWorkdir;
  // The last WORKDIR of the build steps sets the runtime's, unless an absolute WORKDIR after them does.
  const firstTailWorkdir = instrs.slice(last + 1).find((i) => i.keyword === 'WORKDIR');
  const tailSetsWorkdir = firstTailWorkdir !== undefined && analysis.workdirBefore[instrs.indexOf(firstTailWorkdir) + 1]?.startsWith('/') === true &&
    /^["']?\//.test(firstTailWorkdir.args[0]?.value ?? '');
  const lastHeadWorkdir = tailSetsWorkdir ? undefined : head.map((i, k) => (i.keyword === 'WORKDIR' ? k : -1)).filter((k) => k >= 0).pop();
  // Artifacts follow the last build step, or the WORKDIR right after it (`WORKDIR /app`, then the copies).
  let artifactsAfter = last;
  while (instrs[artifactsAfter + 1]?.keyword === 'WORKDIR' && tailSetsWorkdir) artifactsAfter++;
  const blocks = blocksOf(model, regionStart(model, stage.from.range.start.line), model.document.lineCount - 1);
  const builder: Piece[] = [];
  const runtime: Entry[] = [];
  const provided: string[] = [];
  let installed = false;
  const pushRuntime = (entry: Entry) => {
    if (noShell && (entry.keyword === 'RUN' || entry.keyword === 'SHELL')) throw new Declined('a RUN needs a shell', true);
    runtime.push(entry);
  };
  const installPiece = (blankBefore: number): Entry | undefined =>
    specs.length > 0 && family ? { piece: { lines: installInstruction(style, family, specs), blankBefore }, keyword: 'RUN', install: true } : undefined;

  try {
    const fromKeyword = stage.from.keywordText;
    const flags = stage.from.flags.filter((f) => !/BUILDPLATFORM/.test(f.value ?? '')).map((f) => model.textOf(f.range));
    const runtimeName = stage.name && stage.name.key !== 'builder' ? stage.name.text : 'runtime';
    runtime.push({ piece: { lines: [[fromKeyword, ...flags, image, asKeyword(fromKeyword), runtimeName].join(' ')], blankBefore: 1 }, keyword: 'FROM' });
    if (installRuns.length === 0) {
      const extra = installPiece(0);
      if (extra) pushRuntime(extra);
      installed = true;
    }
    for (const block of blocks) {
      const instr = block.instr;
      if (!instr) {
        // Comments after the last build step describe the image's configuration: they go with it.
        if (block.firstLine > (instrs[last]?.range.end.line ?? 0)) runtime.push({ piece: block, keyword: '#' });
        else builder.push(block);
        continue;
      }
      if (instr === stage.from) {
        builder.push({ lines: builderFrom(analysis, block), blankBefore: block.blankBefore });
        continue;
      }
      const index = instrs.indexOf(instr);
      if (index < 0) continue;
      if (index <= last) {
        const before = plan.builderBefore.get(index) ?? [];
        before.forEach((lines, k) => builder.push({ lines, blankBefore: k === 0 ? block.blankBefore : 0 }));
        if (!RUNTIME_ONLY.has(instr.keyword)) builder.push(before.length > 0 ? { ...block, blankBefore: 0 } : block);
        for (const lines of plan.builderAfter.get(index) ?? []) builder.push({ lines, blankBefore: 0 });
        headToRuntime(analysis, instr, block, index === lastHeadWorkdir ? headWorkdir : null);
      } else {
        tailToRuntime(instr, block);
      }
      if (index === artifactsAfter) {
        plan.artifacts.forEach((a, k) => {
          runtime.push({ piece: { lines: [`${keyword(style, 'COPY')} --from=builder${chownFor(a.from)} ${a.from} ${a.to}`], blankBefore: k === 0 ? 1 : 0 }, keyword: 'COPY' });
          provided.push(a.to);
        });
        for (const lines of plan.afterArtifacts) runtime.push({ piece: { lines, blankBefore: 0 }, keyword: 'ENV' });
      }
    }
  } catch (e) {
    if (e instanceof Declined) return e;
    throw e;
  }

  function headToRuntime(a: SplitAnalysis, instr: Instr, block: Block, workdir: string | undefined | null): void {
    switch (instr.keyword) {
      case 'ARG':
        runtime.push({ piece: block, keyword: 'ARG', arg: instr.args[0]?.value.split('=')[0] ?? '' });
        return;
      case 'ENV':
        if (envKeys(instr).length > 0 && envKeys(instr).every((k) => BUILD_ONLY_ENV.test(k))) return;
        pushRuntime({ piece: block, keyword: instr.keyword });
        return;
      case 'LABEL': case 'MAINTAINER': case 'SHELL':
      case 'EXPOSE': case 'VOLUME': case 'STOPSIGNAL': case 'HEALTHCHECK': case 'CMD': case 'ENTRYPOINT':
        pushRuntime({ piece: block, keyword: instr.keyword });
        return;
      case 'WORKDIR':
        if (workdir === null) return;
        if (workdir === undefined) throw new Declined('the working directory is not known');
        pushRuntime({ piece: workdirPiece(instr, block, workdir), keyword: 'WORKDIR' });
        return;
      case 'RUN': {
        const kind = a.runKinds.get(instr);
        if (!installed && installRuns.includes(instr)) {
          installed = true;
          const piece = installPiece(block.blankBefore);
          if (piece) pushRuntime(piece);
        }
        if (kind === 'user' || kind === 'setup') pushRuntime({ piece: block, keyword: 'RUN' });
        return;
      }
      case 'COPY': case 'ADD': {
        const dest = copyDestination(a.model, instr, a.workdirBefore[a.instrs.indexOf(instr)]);
        if (dest === undefined || a.tree === undefined || within(dest.replace(/\/$/, '') || '/', a.tree)) return;
        pushRuntime({ piece: block, keyword: instr.keyword });
        provided.push(...copiedPaths(a, instr, dest));
        return;
      }
      default:
        return;
    }
  }

  function tailToRuntime(instr: Instr, block: Block): void {
    if (instr.keyword === 'USER') return;
    if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
      const dest = copyDestination(model, instr, analysis.workdirBefore[instrs.indexOf(instr)]);
      if (dest) provided.push(...copiedPaths(analysis, instr, dest));
    }
    if (instr.keyword === 'ARG') {
      runtime.push({ piece: block, keyword: 'ARG' });
      return;
    }
    pushRuntime({ piece: block, keyword: instr.keyword });
  }

  // The user is created right after the packages are installed, else before the first instruction that uses files.
  if (createUser) {
    const install = runtime.findIndex((e) => e.install === true);
    const at = install >= 0 ? install + 1 : runtime.findIndex((e, k) => k > 0 && !['ARG', 'ENV', 'LABEL', 'MAINTAINER', 'SHELL', 'RUN'].includes(e.keyword));
    const entry: Entry = { piece: { lines: createUser, blankBefore: 0 }, keyword: 'RUN' };
    runtime.splice(at < 0 ? runtime.length : at, 0, entry);
  }
  // USER goes right before the start instructions that nothing but metadata follows.
  let userAt = runtime.length;
  for (let k = runtime.length - 1; k > 0; k--) {
    const kw = runtime[k]!.keyword;
    if (kw === 'RUN' || kw === 'COPY' || kw === 'ADD') break;
    if (START.has(kw)) userAt = k;
  }
  while (userAt > 0 && runtime[userAt - 1]!.keyword === '#') userAt--;
  runtime.splice(userAt, 0, { piece: userPiece, keyword: 'USER' });

  const problem = checkPrograms(analysis, plan, runtimeFacts, specs, provided, noShell);
  if (problem) return problem;

  // ARGs from the build steps stay only where the runtime uses them.
  const kept = runtime.filter((e, k) => {
    if (!e.arg) return true;
    const later = runtime.slice(k + 1).map((x) => x.piece.lines.join('\n')).join('\n');
    return new RegExp(`\\$\\{?${e.arg}\\b`).test(later);
  });

  const prefix = model.text.slice(0, model.document.offsetAt({ line: regionStart(model, stage.from.range.start.line), character: 0 }));
  const lines = [...renderPieces(builder, true), ...renderPieces(kept.map((e) => e.piece), true)];
  const tail = /\r?\n$/.test(model.text) ? model.eol : '';
  return prefix + lines.join(model.eol) + tail;
}
