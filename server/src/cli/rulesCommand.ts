/** `stagelint rules`: every rule's metadata, as JSON for tools or as an aligned table for people. */
import { docsUrl } from '../../../shared/src/docsUrl';
import type { AnyRule } from '../engine/defineRule';
import type { RulesFormat } from './args';

export function renderRules(rules: readonly AnyRule[], format: RulesFormat): string {
  if (format === 'json') {
    const list = rules.map((r) => ({
      id: r.id,
      ...r.meta,
      docsUrl: docsUrl(r.id),
      ...(r.options ? { options: { schema: r.options.schema, defaults: r.options.defaults } } : {}),
    }));
    return JSON.stringify(list, null, 2) + '\n';
  }
  const rows = rules.map((r) => [
    r.id,
    r.meta.category,
    r.meta.defaultSeverity,
    r.meta.recommended ? 'recommended' : '-',
    r.meta.fix === 'none' ? '-' : `fix: ${r.meta.fix}`,
    r.meta.sources.map((s) => `${s.tool === 'hadolint' ? '' : `${s.tool}:`}${s.id}${s.relation === 'same' ? '' : '~'}`).join(' ') || '-',
  ]);
  const header = ['rule', 'category', 'default', 'preset', 'fix', 'peers (~ = inspired by)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), ...rows.map(line), '', `${rules.length} rules; docs: ${docsUrl('<rule>').replace('%3Crule%3E', '<rule>')}`, ''].join('\n');
}
