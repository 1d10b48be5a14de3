const assert = require('node:assert');
const { test } = require('node:test');
const { summary } = require('../dist/status.js');

test('a failing check degrades the status', () => {
  assert.deepStrictEqual(summary([{ name: 'db', ok: false }]), { status: 'degraded', failing: ['db'] });
});
