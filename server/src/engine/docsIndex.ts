/** `docs/rules/README.md`: every rule in one table per category. */
import { CATEGORIES } from '../../../shared/src/ruleTypes';
import type { AnyRule } from './defineRule';
import { PEER_TOOL_NAMES } from './docsPeers';

export function renderRulesIndex(rules: readonly AnyRule[]): string {
  const parts = [
    '# Rules',
    '<!-- Generated from server/src/rules/ by `npm run gen`: edit the rules, not this page. -->',
    `${rules.length} ${rules.length === 1 ? 'rule' : 'rules'}. **Recommended** rules are on by default (preset \`recommended\`); ` +
      '`"extends": "all"` in `.stagelint.json` turns on the others. **Fix**: `safe` fixes run with `stagelint --fix` and on save; ' +
      '`unsafe` ones are quick fixes in the editor and need `--fix --unsafe-fixes` in the CLI. **Peers** are the hadolint and ' +
      'BuildKit checks a rule corresponds to (`~` = only inspired by, so their ignore comments do not apply).',
  ];
  for (const category of CATEGORIES) {
    const inCategory = rules.filter((r) => r.meta.category === category);
    if (inCategory.length === 0) continue;
    parts.push(`## ${category[0]!.toUpperCase()}${category.slice(1)}`);
    const rows = inCategory.map((r) =>
      [
        `[${r.id}](${r.id}.md)`,
        cell(r.meta.docs.summary),
        r.meta.defaultSeverity,
        r.meta.recommended ? '✅' : '',
        r.meta.fix === 'none' ? '' : r.meta.fix,
        peers(r),
      ].join(' | '),
    );
    parts.push(['| Rule | What it checks | Default | Recommended | Fix | Peers |', '|---|---|---|---|---|---|', ...rows.map((r) => `| ${r} |`)].join('\n'));
  }
  return parts.join('\n\n') + '\n';
}

/** `hadolint DL3006, DL3007 · BuildKit StageNameCasing ~` */
function peers(rule: AnyRule): string {
  const byTool = new Map<string, string[]>();
  for (const s of rule.meta.sources) {
    const name = PEER_TOOL_NAMES[s.tool];
    byTool.set(name, [...(byTool.get(name) ?? []), `${s.id}${s.relation === 'same' ? '' : ' ~'}`]);
  }
  return [...byTool].map(([tool, ids]) => `${tool} ${ids.join(', ')}`).join(' · ');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
