/** Peer tools' names and documentation links, for generated docs and suppression help. */
import type { PeerTool, RuleSource } from '../../../shared/src/ruleTypes';

export const PEER_TOOL_NAMES: Record<PeerTool, string> = { hadolint: 'hadolint', buildkit: 'BuildKit', trivy: 'Trivy' };

/** Well-formed peer ids: hadolint `DL3024` (or a ShellCheck `SC2086` it reports), BuildKit check names, Trivy `DS-0017`. */
export const PEER_ID_PATTERNS: Record<PeerTool, RegExp> = {
  hadolint: /^(DL|SC)\d{4}$/,
  // PascalCase, acronyms included (JSONArgsRecommended).
  buildkit: /^(?:[A-Z]+[a-z0-9]+)+$/,
  trivy: /^(AVD-)?DS-?\d{3,4}$/,
};

export function peerUrl(source: RuleSource): string | undefined {
  switch (source.tool) {
    case 'hadolint':
      return source.id.startsWith('SC') ? `https://www.shellcheck.net/wiki/${source.id}` : `https://github.com/hadolint/hadolint/wiki/${source.id}`;
    case 'buildkit':
      // DuplicateStageName → duplicate-stage-name, JSONArgsRecommended → json-args-recommended
      return `https://docs.docker.com/reference/build-checks/${source.id.replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}/`;
    case 'trivy':
      return undefined;
  }
}

export function peerLink(source: RuleSource): string {
  const url = peerUrl(source);
  return `${PEER_TOOL_NAMES[source.tool]} ${url ? `[${source.id}](${url})` : source.id}`;
}
