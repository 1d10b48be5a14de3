/**
 * Builds the `DockerfileModel` for one document version: one guarded parse, then stages, references,
 * reachability, cycles, ARG scope and suppressions. Everything else reads this object.
 */
import type { From } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { argDeclsOf, expand, globalScope, removeQuotes, stageScope, type Scope } from './args';
import { readDirectives } from './directives';
import { contains } from './ranges';
import { parseImageReference } from './imageRef';
import { setStage, wrapInstruction } from './instructions';
import type { ArgDecl, BaseRef, CommentInfo, Directive, DockerfileModel, Instr, Stage, StageEdge } from './model';
import { mapPacked } from './packedArrays';
import { guarded, safeParse } from './parse';
import { stageLabel } from './stageLabel';
import { findCycles, reachableStages, referencesIn, stageKey } from './stageRefs';
import { parseCheckDirective, parseSuppressionComment, type Suppression } from './suppressions';

export interface BuildModelOptions {
  readonly uri?: string;
  readonly version?: number;
  /** Extra build targets besides the last stage (config `targets`). */
  readonly targets?: readonly string[];
  /**
   * The model of an earlier version of the same document: its unchanged instructions' parser nodes are reused
   * (`nodeReuse.ts`). They move to the new version's document and tree: the earlier model's nodes still answer
   * content queries as before, tree-level ones (`Workdir.getAbsolutePath`) for the new version.
   */
  readonly previous?: DockerfileModel;
}

interface MutableStage {
  index: number;
  name: Stage['name'];
  from: Instr;
  base: BaseRef;
  instructions: Instr[];
  range: Range;
  args: ArgDecl[];
  parent: Stage | undefined;
  label: string;
}

export function buildModel(text: string, options: BuildModelOptions = {}): DockerfileModel {
  const uri = options.uri ?? 'untitled:Dockerfile';
  const version = options.version ?? 0;
  const document = TextDocument.create(uri, 'dockerfile', version, text);
  const { ast, error } = safeParse(text, document, options.previous?.ast);
  const escapeChar = ast && guarded(() => ast.getEscapeCharacter(), '\\') === '`' ? '`' : '\\';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';

  const top = ast ? readDirectives(ast, document) : { directives: [], comments: [] };
  const directives: Directive[] = top.directives;
  const directiveBlockEnd = directives.length > 0 ? Math.max(...directives.map((d) => d.range.end.line)) + 1 : 0;
  const comments: CommentInfo[] = [
    ...top.comments,
    ...(ast ? guarded(() => ast.getComments().map((c) => ({ text: document.getText(c.getRange()), range: c.getRange() })), []) : []),
  ];
  const instructions: Instr[] = ast
    ? guarded(() => mapPacked(ast.getInstructions(), (node, i) => wrapInstruction(node, i, document)), [])
    : [];

  // Split into stages at each FROM; ARGs before the first FROM are global.
  const globalArgs: ArgDecl[] = [];
  const stages: MutableStage[] = [];
  const stageCount = instructions.filter((i) => i.keyword === 'FROM').length;
  for (const instr of instructions) {
    if (instr.keyword === 'FROM') {
      const fromNode = instr.node as From;
      const nameText = guarded(() => fromNode.getBuildStage(), null);
      const nameRange = guarded(() => fromNode.getBuildStageRange(), null);
      const index = stages.length;
      const stage: MutableStage = {
        index,
        name: nameText && nameRange ? { text: nameText, key: stageKey(nameText), range: nameRange } : undefined,
        from: instr,
        base: { kind: 'missing', range: instr.keywordRange },
        instructions: [],
        range: instr.range,
        args: [],
        parent: undefined,
        label: stageLabel(nameText, index, instr.range.start.line, index === stageCount - 1),
      };
      stages.push(stage);
      setStage(instr, stage);
    } else if (stages.length === 0) {
      if (instr.keyword === 'ARG') globalArgs.push(...argDeclsOf(instr, escapeChar));
    } else {
      const stage = stages[stages.length - 1]!;
      stage.instructions.push(instr);
      setStage(instr, stage);
      if (instr.keyword === 'ARG') stage.args.push(...argDeclsOf(instr, escapeChar));
    }
  }

  for (const stage of stages) {
    const last = stage.instructions[stage.instructions.length - 1];
    if (last) stage.range = { start: stage.range.start, end: last.range.end };
  }

  const keyIndex = new Map<string, Stage[]>();
  for (const stage of stages) {
    if (!stage.name) continue;
    const list = keyIndex.get(stage.name.key) ?? [];
    list.push(stage);
    keyIndex.set(stage.name.key, list);
  }
  const byKey = (key: string) => keyIndex.get(key)?.[0];
  const global = globalScope(globalArgs, escapeChar);

  // Resolve each FROM: against earlier stages only, after global ARG expansion.
  const edges: StageEdge[] = [];
  for (const stage of stages) {
    const fromNode = stage.from.node as From;
    const imageText = guarded(() => fromNode.getImage(), null);
    const imageRange = guarded(() => fromNode.getImageRange(), null);
    if (!imageText || !imageRange) continue;
    const expansion = expand(imageText, global, escapeChar);
    // BuildKit's word lexer removes quotes after expansion: `FROM debian:"${TAG}"` names `debian:<tag>`.
    const resolved = expansion.dynamic || expansion.unresolved.length > 0 ? undefined : removeQuotes(expansion.value, escapeChar);
    const candidate = byKey(stageKey(resolved ?? imageText));
    if (candidate && candidate.index < stage.index) {
      stage.base = { kind: 'stage', stage: candidate, text: imageText, range: imageRange };
      stage.parent = candidate;
      edges.push({ kind: 'from', source: stage, target: candidate, text: imageText, by: 'name', forward: false, instr: stage.from, range: imageRange, onbuild: false });
    } else if ((resolved ?? imageText).toLowerCase() === 'scratch') {
      stage.base = { kind: 'scratch', text: imageText, range: imageRange };
    } else {
      const ref = parseImageReference(resolved ?? imageText);
      stage.base = {
        kind: 'image', text: imageText, resolved, name: ref.name, tag: ref.tag, digest: ref.digest,
        undefinedVars: expansion.unresolved, range: imageRange,
      };
      edges.push({ kind: 'from', source: stage, target: undefined, text: imageText, by: 'image', forward: false, instr: stage.from, range: imageRange, onbuild: false });
    }
  }
  const lookup = { stages: stages as Stage[], byKey };
  for (const stage of stages) {
    for (const instr of stage.instructions) edges.push(...referencesIn(instr, stage, lookup));
  }

  const outgoing = new Map<Stage, StageEdge[]>();
  const incoming = new Map<Stage, StageEdge[]>();
  for (const edge of edges) {
    push(outgoing, edge.source, edge);
    if (edge.target) push(incoming, edge.target, edge);
  }
  const edgesFrom = (s: Stage) => outgoing.get(s) ?? [];

  const targets: Stage[] = [];
  const last = stages[stages.length - 1];
  if (last) targets.push(last);
  for (const name of options.targets ?? []) {
    const t = byKey(stageKey(name));
    if (t && !targets.includes(t)) targets.push(t);
  }
  const reachable = reachableStages(targets, edgesFrom);
  const cycles = findCycles(stages, edgesFrom);
  const suppressions = indexSuppressions(comments, directives, instructions, stages);

  // Each stage's scopes are built once (args.ts): an instruction's is the one after its stage's last declaration before it.
  const stageScopeAt = (stage: Stage, at: Instr | undefined): Scope => stageScope(stage, at, global, escapeChar);
  const scopeAt = (at: Instr | undefined): Scope => (!at || !at.stage || at.keyword === 'FROM' ? global : stageScopeAt(at.stage, at));
  const model: DockerfileModel = {
    uri, version, text, document, ast, parseError: error, escapeChar, eol, directives, directiveBlockEnd, comments,
    instructions, globalArgs, stages, edges, targets, suppressions: { all: suppressions }, cycles,
    stageByName: (name) => byKey(stageKey(name)),
    stagesNamed: (name) => keyIndex.get(stageKey(name)) ?? [],
    stageAt: (pos) => stages.find((s) => contains(s.range, pos)) ?? stages.filter((s) => s.range.start.line <= pos.line).pop(),
    instructionAt: (pos) => findInstruction(instructions, pos),
    referencesTo: (stage) => incoming.get(stage) ?? [],
    edgesFrom,
    isReachable: (stage) => reachable.has(stage),
    finalChain: (target) => chainOf(target ?? last),
    globalArgValue: (name) => global.get(name)?.value,
    scopeAt,
    stageScopeAt,
    expand: (t, at) => {
      // Only a `$` reads the scope.
      if (!t.includes('$')) return { value: t, unresolved: [] };
      const r = expand(t, scopeAt(at), escapeChar);
      return { value: r.value, unresolved: r.unresolved };
    },
    textOf: (range) => document.getText(range),
  };
  return model;
}

function chainOf(stage: Stage | undefined): Stage[] {
  const chain: Stage[] = [];
  for (let s = stage; s && !chain.includes(s); s = s.parent) chain.push(s);
  return chain;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function findInstruction(instructions: readonly Instr[], pos: Position): Instr | undefined {
  let lo = 0;
  let hi = instructions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const instr = instructions[mid]!;
    if (instr.range.end.line < pos.line) lo = mid + 1;
    else if (instr.range.start.line > pos.line) hi = mid - 1;
    else return instr;
  }
  return undefined;
}

/** The first instruction starting below `line` (instructions are in document order). */
function firstInstructionAfter(instructions: readonly Instr[], line: number): Instr | undefined {
  let lo = 0;
  let hi = instructions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (instructions[mid]!.range.start.line > line) hi = mid;
    else lo = mid + 1;
  }
  return instructions[lo];
}

function indexSuppressions(
  comments: readonly CommentInfo[], directives: readonly Directive[], instructions: readonly Instr[], stages: readonly Stage[],
): Suppression[] {
  const result: Suppression[] = [];
  for (const d of directives) {
    if (d.name !== 'check') continue;
    const s = parseCheckDirective(d.value, d.range);
    if (s) result.push(s);
  }
  for (const c of comments) {
    const s = parseSuppressionComment(c.text, c.range.start.line, c.range.start.character);
    if (!s) continue;
    const next = firstInstructionAfter(instructions, c.range.start.line);
    if (s.scope === 'file') {
      s.coversFrom = 0;
      s.coversTo = Number.MAX_SAFE_INTEGER;
    } else if (s.scope === 'stage') {
      const stage = next?.stage ?? stages.filter((st) => st.range.start.line <= c.range.start.line).pop();
      s.coversFrom = stage ? Math.min(stage.range.start.line, c.range.start.line) : c.range.start.line;
      s.coversTo = stage ? stage.range.end.line : c.range.start.line;
    } else if (next) {
      s.coversFrom = next.range.start.line;
      s.coversTo = next.range.end.line;
    }
    result.push(s);
  }
  return result;
}
