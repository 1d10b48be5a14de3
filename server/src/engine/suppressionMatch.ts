/**
 * Which rules a suppression comment silences. Our own comments name rule ids. Peer pragmas
 * (`# hadolint ignore=DL3008`, `# check=skip=StageNameCasing` or `skip=all`) only silence rules whose metadata
 * lists that peer rule with relation `same`: an `inspired` rule checks something different, and a user who
 * silenced the peer's check did not agree to silence ours.
 */
import type { PeerTool } from '../../../shared/src/ruleTypes';
import type { Suppression } from '../analysis/suppressions';
import type { AnyRule } from './defineRule';

export function suppressionMatches(s: Suppression, ruleId: string, rule: AnyRule | undefined): boolean {
  if (s.kind === 'stagelint') return s.ids.some((i) => i.id === ruleId);
  const tool: PeerTool = s.kind === 'hadolint' ? 'hadolint' : 'buildkit';
  return rule !== undefined && s.ids.some((i) => honoursPeerId(rule, tool, i.id));
}

/** Whether `rule` is silenced by the peer id `peerId` of `tool` (peer ids compare case-insensitively). */
export function honoursPeerId(rule: AnyRule, tool: PeerTool, peerId: string): boolean {
  const wanted = peerId.toLowerCase();
  return rule.meta.sources.some(
    (src) => src.tool === tool && src.relation === 'same' && (src.id.toLowerCase() === wanted || (tool === 'buildkit' && wanted === 'all')),
  );
}
