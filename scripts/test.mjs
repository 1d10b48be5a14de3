// `npm test`: type-check, unit/integration suites (vitest), then the real-editor suites.
// Prints one plain summary line `N passed, N failed[, N skipped]` (CI reads it) and exits non-zero on failure.
// Set STAGELINT_SKIP_E2E=1 to run only the fast suites while developing (the summary says so).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
mkdirSync('test-results', { recursive: true });

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function countVitest(file, label, exitedOk) {
  if (!existsSync(file)) {
    results.failed++;
    failures.push(`${label}: no results written (the runner crashed)`);
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  results.passed += report.numPassedTests;
  results.failed += report.numFailedTests;
  results.skipped += report.numPendingTests + report.numTodoTests;
  // A suite that fails to load has no failed tests but failed suites; count each as a failure.
  const brokenSuites = report.testResults.filter((s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed'));
  results.failed += brokenSuites.length;
  for (const s of brokenSuites) failures.push(`${label}: ${s.name}: ${s.message || 'failed to load'}`);
  for (const s of report.testResults) {
    for (const a of s.assertionResults) if (a.status === 'failed') failures.push(`${label}: ${a.fullName}`);
  }
  if (!exitedOk && report.numFailedTests === 0 && brokenSuites.length === 0) {
    results.failed++;
    failures.push(`${label}: the runner exited with an error`);
  }
}

if (run('type-check', 'npx', ['tsc', '-b'])) results.passed++;
else {
  results.failed++;
  failures.push('type-check: tsc -b reported errors');
}

const unitJson = 'test-results/unit.json';
rmSync(unitJson, { force: true });
const unitOk = run('unit and integration tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]);
countVitest(unitJson, 'unit', unitOk);

if (process.env.STAGELINT_SKIP_E2E === '1') {
  console.log('\nReal-editor suites skipped (STAGELINT_SKIP_E2E=1).');
} else if (existsSync('scripts/test-e2e.mjs')) {
  const e2eJson = 'test-results/e2e.json';
  rmSync(e2eJson, { force: true });
  const ok = run('real-editor tests', 'node', ['scripts/test-e2e.mjs'], { STAGELINT_E2E_JSON: e2eJson });
  countVitest(e2eJson, 'e2e', ok);
}

if (failures.length) {
  console.log('\nFailures:');
  for (const f of failures) console.log(`  ✗ ${f}`);
}
const skipped = results.skipped ? `, ${results.skipped} skipped` : '';
console.log(`\n${results.passed} passed, ${results.failed} failed${skipped}`);
process.exit(results.failed > 0 || results.passed === 0 ? 1 : 0);
