// Lints the corpus with every rule through dist/api.js, `rounds` times: the workload bench/profile.mjs profiles.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadCorpus, repoRoot } from './corpus.mjs';

const require = createRequire(import.meta.url);
const api = require(join(repoRoot, 'dist', 'api.js'));
const corpus = loadCorpus();
const rounds = Number(process.argv[2] ?? 10);
for (let r = 0; r < rounds; r++) for (const file of corpus) api.lint(file.text, { config: { extends: 'all' } });
