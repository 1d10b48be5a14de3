/**
 * Hover: one entry point that picks the card for what is under the cursor, most specific first:
 * 1. a rule id inside an ignore comment → the rule's summary (and, for peer pragmas, our matching rules);
 * 2. a stage name or any reference to a stage, or the rest of a FROM line → the stage card;
 * 3. a `RUN --mount` key or type, a flag, a flag value, an instruction keyword → the reference card.
 *
 * When another Dockerfile language server is active (`peerActive`), the reference cards it already shows
 * (instruction keywords and the few flags it documents) are left to it, so the user does not read them twice.
 */
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import { docsUrl } from '../../../shared/src/docsUrl';
import type { DockerfileModel, FlagInfo, Instr } from '../analysis/model';
import { honoursPeerId } from '../engine/suppressionMatch';
import { allRules } from '../rules';
import { flagDoc, flagValueDoc, instructionDoc, mountOptionDoc, mountTypeDoc, type ReferenceDoc } from './instructionDocs';
import { stageHoverMarkdown, type StageHoverSources } from './stageHover';
import { contains } from '../analysis/ranges';
import { stageOccurrenceAt } from '../analysis/stageOccurrences';

export interface HoverOptions {
  /** Show instruction/flag reference cards (off in the `stagesOnly` mode). */
  readonly referenceDocs: boolean;
  /** Another Dockerfile language server shows instruction cards already. */
  readonly peerActive: boolean;
  readonly sources?: StageHoverSources;
}

/** Flags whose hover dockerfile-language-service (Microsoft's Docker extension) already provides. */
const PEER_DOCUMENTED_FLAGS = new Set(['COPY chown', 'COPY from', 'ADD chown', 'FROM platform', 'HEALTHCHECK interval', 'HEALTHCHECK retries', 'HEALTHCHECK start-period', 'HEALTHCHECK timeout']);

function markdown(value: string, range?: Range): Hover {
  return range ? { contents: { kind: MarkupKind.Markdown, value }, range } : { contents: { kind: MarkupKind.Markdown, value } };
}

function ruleIdHover(model: DockerfileModel, pos: Position): Hover | undefined {
  for (const s of model.suppressions.all) {
    if (pos.line !== s.range.start.line) continue;
    const id = s.ids.find((i) => contains(i.range, pos));
    if (!id) continue;
    if (s.kind === 'stagelint') {
      const rule = allRules.find((r) => r.id === id.id);
      if (!rule) return markdown(`Unknown stagelint rule \`${id.id}\`: this comment suppresses nothing.`, id.range);
      return markdown(`**\`${rule.id}\`** (${rule.meta.category}, ${rule.meta.defaultSeverity}) — ${rule.meta.docs.summary}\n\n[Rule documentation](${docsUrl(rule.id)})`, id.range);
    }
    const tool = s.kind === 'hadolint' ? 'hadolint' : 'buildkit';
    const same = allRules.filter((r) => honoursPeerId(r, tool, id.id));
    if (same.length === 0) return markdown(`\`${id.id}\` is a ${tool === 'hadolint' ? 'hadolint' : 'BuildKit check'} id; no stagelint rule matches it, so stagelint ignores this entry.`, id.range);
    const list = same.map((r) => `- [\`${r.id}\`](${docsUrl(r.id)}) — ${r.meta.docs.summary}`).join('\n');
    return markdown(`\`${id.id}\` also suppresses these stagelint rules:\n\n${list}`, id.range);
  }
  return undefined;
}

function mountType(flag: FlagInfo): string | undefined {
  return flag.options.find((o) => o.name.toLowerCase() === 'type')?.value ?? undefined;
}

function referenceHover(instr: Instr, pos: Position, peerActive: boolean): Hover | undefined {
  if (contains(instr.keywordRange, pos)) {
    if (peerActive) return undefined;
    return docHover(instructionDoc(instr.keyword), instr.keywordRange);
  }
  if (instr.trigger && contains(instr.trigger.range, pos)) return referenceHover(instr.trigger, pos, peerActive);
  const flag = instr.flags.find((f) => contains(f.range, pos));
  if (!flag) return undefined;
  if (flag.name === 'mount' && instr.keyword === 'RUN') {
    const option = flag.options.find((o) => contains(o.range, pos));
    if (option) {
      const isTypeValue = option.name.toLowerCase() === 'type' && option.valueRange && contains(option.valueRange, pos);
      return docHover(isTypeValue ? mountTypeDoc(option.value ?? undefined) : mountOptionDoc(mountType(flag), option.name), option.range);
    }
  }
  if (flag.valueRange && flag.value && contains(flag.valueRange, pos)) {
    const valueDoc = flagValueDoc(instr.keyword, flag.name, flag.value);
    if (valueDoc) return docHover(valueDoc, flag.valueRange);
  }
  if (peerActive && PEER_DOCUMENTED_FLAGS.has(`${instr.keyword} ${flag.name}`)) return undefined;
  return docHover(flagDoc(instr.keyword, flag.name), flag.range);
}

function docHover(doc: ReferenceDoc | undefined, range: Range): Hover | undefined {
  return doc ? markdown(doc.markdown, range) : undefined;
}

export function hover(model: DockerfileModel, pos: Position, options: HoverOptions): Hover | null {
  const rule = ruleIdHover(model, pos);
  if (rule) return rule;
  const occ = stageOccurrenceAt(model, pos);
  if (occ) return markdown(stageHoverMarkdown(model, occ.stage, options.sources), occ.range);
  const instr = model.instructionAt(pos);
  if (!instr) return null;
  if (options.referenceDocs) {
    const ref = referenceHover(instr, pos, options.peerActive);
    if (ref) return ref;
  }
  // Anywhere else on a FROM line (the image, `AS`): the card of the stage it starts.
  if (instr.keyword === 'FROM' && instr.stage && !contains(instr.keywordRange, pos) && !instr.flags.some((f) => contains(f.range, pos))) {
    return markdown(stageHoverMarkdown(model, instr.stage, options.sources), instr.range);
  }
  return null;
}
