/**
 * `docs/rules/<id>.md`, rendered from the rule's metadata with a fixed layout (ESLint's fixed headings, Ruff's
 * section names): title, badge line, peers, What it does, Why, Examples (invalid ones with their annotated
 * output and fixed text), Fix safety, Options, Suppressing, Related rules.
 */
import { CONFIG_FILE_NAME } from '../../../shared/src/config';
import { annotate } from './docsAnnotate';
import { PEER_TOOL_NAMES, peerLink } from './docsPeers';
import { applyFixes } from './applyFixes';
import type { AnyRule } from './defineRule';
import { lint } from './lint';

export function renderRuleDoc(rule: AnyRule, allRules: readonly AnyRule[]): string {
  const { meta } = rule;
  const parts: string[] = [
    `# ${rule.id}`,
    `<!-- Generated from server/src/rules/${rule.id}.ts by \`npm run gen\`: edit the rule, not this page. -->`,
    [
      `**Category:** ${meta.category}`,
      `**Default severity:** ${meta.defaultSeverity}`,
      `**Recommended:** ${meta.recommended ? 'yes' : 'no'}`,
      `**Fix:** ${meta.fix}`,
      `**Since:** ${meta.since}`,
      `**Stability:** ${meta.stability}`,
    ].join(' · '),
    peersLine(rule),
    '## What it does',
    meta.docs.summary.replace(/\.?$/, '.'),
    '## Why',
    meta.docs.rationale.trim(),
    '## Examples',
    ...exampleFilesNote(rule),
    ...meta.docs.examples.invalid.flatMap((code, i) => invalidExample(rule, code, i, meta.docs.examples.invalid.length)),
    ...meta.docs.examples.valid.flatMap((code, i) => [
      `### ✅ Valid${meta.docs.examples.valid.length > 1 ? ` (${i + 1})` : ''}`,
      fence('dockerfile', code),
    ]),
    '## Fix safety',
    fixSafety(rule),
    '## Options',
    ...options(rule),
    '## Suppressing',
    ...suppressing(rule),
    '## Related rules',
    related(rule, allRules),
  ];
  return parts.join('\n\n') + '\n';
}

function peersLine(rule: AnyRule): string {
  const same = rule.meta.sources.filter((s) => s.relation === 'same');
  const inspired = rule.meta.sources.filter((s) => s.relation === 'inspired');
  const lines: string[] = [];
  if (same.length > 0) lines.push(`Same as ${same.map(peerLink).join(' / ')}.`);
  if (inspired.length > 0) lines.push(`Inspired by ${inspired.map(peerLink).join(' / ')}.`);
  return lines.length > 0 ? lines.join(' ') : 'No equivalent in hadolint or BuildKit.';
}

/** The rule alone, forced on at its default severity (the docs show what the rule does, not a preset). */
function lintAlone(rule: AnyRule, code: string) {
  return lint(code, { rules: [rule], config: { cli: { [rule.id]: rule.meta.defaultSeverity } }, files: rule.meta.docs.exampleFiles ?? {} }).problems;
}

/** What the examples assume about the files next to the Dockerfile (`docs.exampleFiles`). */
function exampleFilesNote(rule: AnyRule): string[] {
  const files = rule.meta.docs.exampleFiles;
  if (!files) return [];
  const out: string[] = [];
  if (files.dockerignore === null) out.push('The examples assume there is no `.dockerignore` next to the Dockerfile.');
  else if (files.dockerignore) out.push('The examples are checked with this `.dockerignore` next to the Dockerfile:', fence('text', files.dockerignore.content));
  if (files.contextFiles) out.push(`Files in the build context: ${files.contextFiles.map((f) => `\`${f}\``).join(', ')}.`);
  return out;
}

function invalidExample(rule: AnyRule, code: string, index: number, count: number): string[] {
  const out = [`### ❌ Invalid${count > 1 ? ` (${index + 1})` : ''}`, fence('dockerfile', code)];
  out.push('Output:', fence('text', annotate(code, lintAlone(rule, code))));
  const config = { cli: { [rule.id]: rule.meta.defaultSeverity } };
  const files = rule.meta.docs.exampleFiles ?? {};
  const safe = applyFixes(code, { rules: [rule], config, files }).output;
  if (safe !== code) out.push('After `stagelint --fix`:', fence('dockerfile', safe));
  if (rule.meta.fix === 'unsafe') {
    const unsafe = applyFixes(code, { rules: [rule], config, files, unsafe: true }).output;
    if (unsafe !== safe) out.push('After `stagelint --fix --unsafe-fixes`:', fence('dockerfile', unsafe));
  }
  return out;
}

function fixSafety(rule: AnyRule): string {
  const text = rule.meta.docs.fixSafety?.trim();
  switch (rule.meta.fix) {
    case 'none':
      return 'This rule has no automatic fix.';
    case 'safe':
      return text ?? 'The fix is safe: it does not change what the build produces beyond the stated intent. It is applied by `stagelint --fix` and by "Fix all" on save (`source.fixAll.stagelint`).';
    case 'unsafe':
      return text ?? 'The fix is unsafe: it may change what the build produces, so review it. It is offered as a quick fix in the editor and applied by the CLI only with `--fix --unsafe-fixes`.';
  }
}

function options(rule: AnyRule): string[] {
  if (!rule.options) return ['This rule has no options.'];
  const props = (rule.options.schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const defaults = (rule.options.defaults ?? {}) as Record<string, unknown>;
  const out: string[] = [];
  for (const [name, schema] of Object.entries(props)) {
    out.push(`### \`${name}\``);
    const facts = [`Type: \`${schemaType(schema)}\``];
    if (name in defaults) facts.push(`Default: \`${JSON.stringify(defaults[name])}\``);
    out.push(facts.join(' · '));
    if (typeof schema.description === 'string') out.push(schema.description);
  }
  out.push(`Example \`${CONFIG_FILE_NAME}\`:`, fence('json', JSON.stringify({ rules: { [rule.id]: [rule.meta.defaultSeverity, defaults] } }, null, 2)));
  return out;
}

function schemaType(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.type === 'array') {
    const items = (schema.items ?? {}) as Record<string, unknown>;
    return `${schemaType(items)}[]`;
  }
  if (Array.isArray(schema.type)) return schema.type.join(' | ');
  return typeof schema.type === 'string' ? schema.type : 'unknown';
}

function suppressing(rule: AnyRule): string[] {
  const off = `Turn it off for a project in \`${CONFIG_FILE_NAME}\`: \`{"rules": {"${rule.id}": "off"}}\`.`;
  if (rule.phase === 'afterSuppression') {
    return ['Problems of this rule are about ignore comments themselves, so comments cannot suppress them.', off];
  }
  const out = [
    'For the next instruction, the rest of the stage, or the whole file (the reason after `--` is required):',
    fence('dockerfile', [
      `# stagelint-ignore ${rule.id} -- <reason>`,
      `# stagelint-ignore-stage ${rule.id} -- <reason>`,
      `# stagelint-ignore-file ${rule.id} -- <reason>`,
    ].join('\n')),
    off,
  ];
  const hadolint = rule.meta.sources.filter((s) => s.relation === 'same' && s.tool === 'hadolint');
  const buildkit = rule.meta.sources.filter((s) => s.relation === 'same' && s.tool === 'buildkit');
  if (hadolint.length + buildkit.length > 0) {
    const tools = [...new Set([...hadolint, ...buildkit].map((s) => PEER_TOOL_NAMES[s.tool]))].join(' and ');
    const lines = [
      ...hadolint.map((s) => `# hadolint ignore=${s.id}`),
      ...hadolint.map((s) => `# hadolint global ignore=${s.id}`),
      ...buildkit.map((s) => `# check=skip=${s.id}`),
    ];
    out.push(`Because the rule is the same as ${tools}'s, their comments suppress it too:`, fence('dockerfile', lines.join('\n')));
    const notes: string[] = [];
    if (hadolint.length > 0) notes.push('`# hadolint ignore=` covers the next instruction, `# hadolint global ignore=` the whole file');
    if (buildkit.length > 0) notes.push('`# check=skip=` is a parser directive: it counts only at the very top of the file and covers the whole file');
    out.push(notes.join('; ') + '.');
  }
  return out;
}

function related(rule: AnyRule, allRules: readonly AnyRule[]): string {
  const link = (id: string) => `[${id}](${id}.md)`;
  if (rule.meta.docs.related && rule.meta.docs.related.length > 0) return rule.meta.docs.related.map((id) => `- ${link(id)}`).join('\n');
  const others = allRules.filter((r) => r.id !== rule.id && r.meta.category === rule.meta.category).map((r) => r.id);
  if (others.length === 0) return 'See [all rules](README.md).';
  return `Other ${rule.meta.category} rules: ${others.map(link).join(', ')}. See [all rules](README.md).`;
}

function fence(lang: string, code: string): string {
  const body = code.replace(/\n$/, '');
  // A fence longer than any backtick run inside, so example text can never close it.
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(Math.max(3, longest + 1));
  return `${ticks}${lang}\n${body}\n${ticks}`;
}
