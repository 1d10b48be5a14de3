// Real-editor suite: run by scripts/test-e2e.mjs (`npm run test:e2e`), never by the unit run (slow, needs
// code-server and Chromium). One file, one workbench, tests in order.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/e2e/**/*.e2e.mts'],
    pool: 'forks',
    fileParallelism: false,
    // The first workbench load compiles VS Code's JavaScript on 2 cores; the steps themselves take seconds.
    hookTimeout: 180_000,
    testTimeout: 90_000,
  },
});
