/** `dist/cli.js` entry: run the command with the real process, set the exit code, never swallow a crash. */
import { processIo } from './io';
import { runCli } from './run';

// A reader that stops early (`stagelint … | head`) closes the pipe: the rest of the report has nowhere to go, which
// is no failure of the lint (without a listener Node threw it as an unhandled EPIPE). Other write errors are said.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') return;
  process.stderr.write(`stagelint: cannot write the report: ${e.message}\n`);
  process.exitCode = 2;
});

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
