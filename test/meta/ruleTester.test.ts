/**
 * The rule tester checks `output` under the same configuration as the errors: the rule switched on even when
 * it is not in the recommended preset, and with the case's options.
 */
import { defineRule } from '../../server/src/engine/defineRule';
import { replace } from '../../server/src/engine/fixes';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

/** Not recommended; its fix writes the `replacement` option. */
const maintainerToLabel = defineRule<'maintainer' | 'replace', { replacement: string }>({
  id: 'test-maintainer-to-label',
  meta: {
    category: 'style', defaultSeverity: 'info', recommended: false, fix: 'safe', since: '0.1.0', stability: 'preview',
    sources: [],
    messages: { maintainer: 'MAINTAINER is deprecated', replace: "Replace with '{{replacement}}'" },
    docs: { summary: 'No MAINTAINER', rationale: 'Deprecated.', examples: { invalid: ['FROM a:1\nMAINTAINER me\n'], valid: ['FROM a:1\n'] } },
  },
  options: { schema: { type: 'object', properties: { replacement: { type: 'string' } } }, defaults: { replacement: 'LABEL maintainer=me' } },
  check({ model, options, report }) {
    for (const i of model.instructions) {
      if (i.keyword !== 'MAINTAINER') continue;
      const { replacement } = options;
      report({ messageId: 'maintainer', range: i.range, fixes: [{ messageId: 'replace', data: { replacement }, safety: 'safe', edits: [replace(i.range, replacement)] }] });
    }
  },
});

ruleTester(maintainerToLabel, {
  valid: ['FROM a:1\n'],
  invalid: [
    { code: df`
      FROM a:1
      MAINTAINER me
    `, errors: [{ messageId: 'maintainer', line: 2 }], output: df`
      FROM a:1
      LABEL maintainer=me
    ` },
    { code: df`
      FROM a:1
      MAINTAINER someone
    `, options: { replacement: 'LABEL org.opencontainers.image.authors=someone' }, errors: [{ messageId: 'maintainer', line: 2 }], output: df`
      FROM a:1
      LABEL org.opencontainers.image.authors=someone
    ` },
  ],
});
