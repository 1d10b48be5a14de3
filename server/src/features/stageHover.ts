/**
 * The stage card shown when hovering a FROM line, a stage name or any reference to a stage: its role, base
 * image, what it takes from other stages, who uses it and how, whether the build target reaches it, the
 * USER/WORKDIR/EXPOSE in effect, build-only packages, and the command that builds it alone. Related stages
 * are command links (`stagelint.revealRange`) that jump to their FROM line.
 */
import type { Range } from 'vscode-languageserver-types';
import { COMMANDS, type BuildStageArgs, type RevealRangeArgs } from '../../../shared/src/protocol';
import type { ImageFacts } from '../analysis/baseImageTypes';
import { finalStages } from '../analysis/finalImage';
import type { DockerfileModel, Stage, StageEdge } from '../analysis/model';
import { stagePhrase, upperFirst } from '../analysis/stageLabel';
import { reachState } from '../analysis/stageReachability';
import { inferStageRole, stageRoleLabel, type StageRole } from '../analysis/stageRole';
import { stageFacts, type ConfigValue, type Transfer } from './stageFacts';
import { stageAnchor } from '../analysis/stageOccurrences';

/** Optional knowledge from other models, used when available. */
export interface StageHoverSources {
  readonly describeImage?: (reference: string) => ImageFacts | undefined;
  /** Packages the stage installs that are only needed to build (compilers, headers, …). */
  readonly buildOnlyPackages?: (model: DockerfileModel, stage: Stage) => readonly string[];
}

const ROLE_SENTENCE: Record<StageRole, string> = {
  final: 'the image this build produces',
  builder: 'compiles or bundles build output',
  dependencies: 'installs dependencies for other stages to reuse',
  test: 'runs tests or checks; build it on purpose with `--target`',
  runtime: 'an image of its own (it has a CMD/ENTRYPOINT) that is not the default target',
  base: 'a common starting point that other stages are built on',
  stage: 'an intermediate stage',
};

function revealCommandUri(uri: string, range: Range): string {
  const args: RevealRangeArgs = [uri, range];
  return `command:${COMMANDS.revealRange}?${encodeURIComponent(JSON.stringify(args))}`;
}

function buildStageCommandUri(uri: string, stage: Stage): string {
  const args: BuildStageArgs = { uri, stage: stage.name?.text ?? null, index: stage.index };
  return `command:${COMMANDS.buildStage}?${encodeURIComponent(JSON.stringify([args]))}`;
}

/** A link to the stage's FROM line: the name in code style, an unnamed stage's label (which says its line) as text. */
function stageLink(model: DockerfileModel, stage: Stage): string {
  const text = stage.name ? `\`${stage.label}\`` : stage.label;
  const title = stage.name ? `Go to ${stagePhrase(stage)} (line ${stage.from.range.start.line + 1})` : `Go to ${stagePhrase(stage)}`;
  return `[${text}](${revealCommandUri(model.uri, stageAnchor(stage))} "${title}")`;
}

function code(text: string): string {
  const clean = text.replace(/\r?\n/g, ' ');
  return clean.includes('`') ? `\`\` ${clean} \`\`` : `\`${clean}\``;
}

/** `ships`: the stage is part of a final image, so a smaller runtime image to ship on is worth suggesting. */
function baseLine(model: DockerfileModel, stage: Stage, sources: StageHoverSources, ships: boolean): string {
  const base = stage.base;
  switch (base.kind) {
    case 'stage':
      return `**Base** stage ${stageLink(model, base.stage)}`;
    case 'scratch':
      return '**Base** `scratch` (empty filesystem: only what is copied in)';
    case 'missing':
      return '**Base** missing';
    case 'image': {
      const shown = base.resolved && base.resolved !== base.text ? `${code(base.text)} = ${code(base.resolved)}` : code(base.text);
      const facts = base.resolved ?? (base.undefinedVars.length === 0 && !base.text.includes('$') ? base.text : undefined);
      const described = facts ? sources.describeImage?.(facts) : undefined;
      return `**Base** ${shown}${described && described.known ? ` — ${imageSummary(described, ships)}` : ''}`;
    }
  }
}

function imageSummary(facts: ImageFacts, ships: boolean): string {
  const parts: string[] = [];
  if (facts.language.name !== 'unknown' && facts.language.name !== 'none') {
    parts.push(`${facts.language.name}${facts.language.version ? ` ${facts.language.version}` : ''}`);
  }
  if (facts.variant === 'sdk') parts.push('SDK/build image');
  else if (facts.variant === 'runtime') parts.push('runtime image');
  if (facts.family !== 'unknown') parts.push(`${facts.family}${facts.libc !== 'unknown' && facts.libc !== 'none' ? `/${facts.libc}` : ''}`);
  let text = parts.join(', ');
  // A build stage is supposed to use the SDK: only a stage whose layers ship gets the runtime image suggested.
  if (ships && facts.variant === 'sdk' && facts.runtimeAlternative) text += ` (ship ${code(facts.runtimeAlternative)} instead)`;
  return text;
}

function chainLine(model: DockerfileModel, chain: readonly Stage[]): string | undefined {
  if (chain.length < 2) return undefined;
  const root = chain[chain.length - 1]!;
  const rootBase = root.base.kind === 'image' ? code(root.base.resolved ?? root.base.text) : root.base.kind === 'scratch' ? '`scratch`' : undefined;
  const parts = chain.map((s) => stageLink(model, s));
  if (rootBase) parts.push(rootBase);
  return `**Chain** ${parts.join(' ← ')}`;
}

function paths(t: Transfer): string {
  const src = t.paths.length > 0 ? t.paths.map(code).join(', ') : '';
  const dest = t.destination ? ` → ${code(t.destination)}` : '';
  return `${src}${dest}`;
}

function how(edge: StageEdge): string {
  return edge.kind === 'from' ? 'FROM' : edge.kind === 'copy-from' ? (edge.instr.keyword === 'ADD' ? 'ADD --from' : 'COPY --from') : 'RUN --mount';
}

function takesSection(model: DockerfileModel, takes: readonly Transfer[]): string[] {
  if (takes.length === 0) return [];
  const lines = takes.map((t) => {
    const from = t.edge.target ? stageLink(model, t.edge.target) : `image ${code(t.edge.text)}`;
    return `- from ${from} (${how(t.edge)}, line ${t.edge.range.start.line + 1}) ${paths(t)}`.trimEnd();
  });
  return ['**Takes**', ...lines];
}

function usedBySection(model: DockerfileModel, usedBy: readonly Transfer[]): string[] {
  if (usedBy.length === 0) return ['**Used by** no other stage'];
  const lines = usedBy.map((t) => {
    const what = t.edge.kind === 'from' ? 'builds on it' : paths(t);
    const ref = t.edge.by === 'index' ? ` as \`${t.edge.text}\`` : '';
    return `- ${stageLink(model, t.edge.source)} (${how(t.edge)}${ref}, line ${t.edge.range.start.line + 1}) ${what}`.trimEnd();
  });
  return ['**Used by**', ...lines];
}

function edgeBetween(model: DockerfileModel, from: Stage, to: Stage): StageEdge | undefined {
  return model.edgesFrom(from).find((e) => e.target === to && !e.onbuild);
}

function targetLine(model: DockerfileModel, stage: Stage, reachPath: readonly Stage[] | undefined): string {
  const targets = model.targets.map((t) => stageLink(model, t)).join(', ');
  if (model.targets.includes(stage)) {
    return model.targets[0] === stage ? '**Target** this is the default build target (last stage)' : '**Target** a configured build target';
  }
  if (!reachPath) {
    // Same decision as no-unreachable-stage and the other features (analysis/stageReachability.ts).
    switch (reachState(model, stage)) {
      case 'deliberate-target':
        return `**Target** not used by ${targets}: a separate target${stage.name ? `, built on its own with \`docker build --target ${stage.name.text}\`` : ''}`;
      case 'reached':
        return `**Target** may be used by ${targets} through a reference with a variable`;
      default:
        return `**Target** ⚠ not reached by ${targets}: \`docker build\` skips this stage`;
    }
  }
  const steps: string[] = [stageLink(model, reachPath[0]!)];
  for (let i = 1; i < reachPath.length; i++) {
    const edge = edgeBetween(model, reachPath[i - 1]!, reachPath[i]!);
    steps.push(`${edge ? how(edge) : '→'} ${stageLink(model, reachPath[i]!)}`);
  }
  return `**Target** ✓ reached: ${steps.join(' → ')}`;
}

function configPart(label: string, v: ConfigValue | undefined, fallback: string): string {
  if (!v) return `**${label}** ${fallback}`;
  const line = `line ${v.instr.range.start.line + 1}`;
  const where = v.inherited && v.instr.stage ? `${line}, inherited from ${stagePhrase(v.instr.stage)}` : line;
  return `**${label}** ${code(v.value)} (${where})`;
}

function userFallback(stage: Stage, chainRoot: Stage, sources: StageHoverSources): string {
  const base = chainRoot.base;
  if (base.kind === 'scratch') return '`root` (no USER; scratch has no users)';
  if (base.kind === 'image') {
    const facts = sources.describeImage?.(base.resolved ?? base.text);
    if (facts?.known && facts.defaultUser) return `${code(facts.defaultUser)} (the base image's default)`;
    return `base image default, usually \`root\` (no USER in ${stagePhrase(stage)}${chainRoot !== stage ? ' or its FROM chain' : ''})`;
  }
  return '`root` (no USER)';
}

function buildCommand(model: DockerfileModel, stage: Stage): string[] {
  const isLast = model.stages[model.stages.length - 1] === stage;
  if (stage.name) {
    return ['**Build it alone**', '```sh', `docker build --target ${stage.name.text} .`, '```', `[▶ Build this stage](${buildStageCommandUri(model.uri, stage)} "Run docker build --target ${stage.name.text} in a terminal")`];
  }
  if (isLast) return ['**Build it**', '```sh', 'docker build .', '```'];
  return ['*Name this stage (`FROM … AS <name>`) to build it alone with `--target`.*'];
}

/** ` · <role>`, left out when the stage's name already says it (`builder` · builder). */
function roleTag(stage: Stage, role: StageRole): string {
  const label = stageRoleLabel(role);
  const key = stage.name?.key;
  return key === label || key === role ? '' : ` · ${label}`;
}

export function stageHoverMarkdown(model: DockerfileModel, stage: Stage, sources: StageHoverSources = {}): string {
  const facts = stageFacts(model, stage);
  const role = inferStageRole(model, stage);
  const title = stage.name ? `Stage \`${stage.name.text}\`` : upperFirst(stage.label);
  const ships = finalStages(model).has(stage);
  const blocks: string[][] = [];
  blocks.push([`**${title}**${roleTag(stage, role)} — ${ROLE_SENTENCE[role]}`]);
  const baseBlock = [baseLine(model, stage, sources, ships)];
  const chain = chainLine(model, facts.chain);
  if (chain) baseBlock.push(chain);
  blocks.push(baseBlock);
  // Separate blocks: a line right after a list item would join that item in markdown.
  blocks.push(takesSection(model, facts.takes));
  blocks.push(usedBySection(model, facts.usedBy));
  blocks.push([targetLine(model, stage, facts.reachPath)]);
  const root = facts.chain[facts.chain.length - 1]!;
  const config = [
    configPart('Runs as', facts.user, userFallback(stage, root, sources)),
    configPart('Workdir', facts.workdir, 'not set (the base image\'s, often `/`)'),
  ];
  if (facts.ports.length > 0) config.push(`**Exposes** ${facts.ports.map((p) => code(p.value)).join(', ')}`);
  blocks.push([config.join(' · ')]);
  const packages = sources.buildOnlyPackages?.(model, stage) ?? [];
  if (packages.length > 0) {
    const note = ships ? ' — they end up in the final image' : ' — only in this build stage, not in the final image';
    blocks.push([`**Build-only packages** ${packages.map(code).join(', ')}${note}`]);
  }
  blocks.push(buildCommand(model, stage));
  // Two spaces before a newline keep consecutive lines apart in markdown; blank lines separate blocks.
  return blocks.filter((b) => b.length > 0).map((b) => joinLines(b)).join('\n\n');
}

function joinLines(lines: readonly string[]): string {
  let out = '';
  let inFence = false;
  for (const [i, line] of lines.entries()) {
    const previous = lines[i - 1];
    if (i > 0) out += inFence || line.startsWith('```') || line.startsWith('- ') || previous?.startsWith('```') ? '\n' : '  \n';
    if (line.startsWith('```')) inFence = !inFence;
    out += line;
  }
  return out;
}
