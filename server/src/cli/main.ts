/** `dist/cli.js` entry: run the command with the real process, set the exit code, never swallow a crash. */
import { processIo } from './io';
import { runCli } from './run';

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    // exitCode, not exit(): pending stdout writes to a pipe must finish first.
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`stagelint: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
