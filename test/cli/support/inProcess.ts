/** Runs the CLI in-process with captured output and a chosen rule set, for deterministic behaviour tests. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AnyRule } from '../../../server/src/engine/defineRule';
import { runCli } from '../../../server/src/cli/run';

export interface InProcessRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runInProcess(
  argv: readonly string[],
  options: { cwd: string; rules: readonly AnyRule[]; stdin?: string; env?: Record<string, string>; tty?: boolean },
): Promise<InProcessRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    {
      cwd: options.cwd,
      env: options.env ?? {},
      stdoutIsTTY: options.tty === true,
      writeStdout: (t) => void (stdout += t),
      writeStderr: (t) => void (stderr += t),
      readStdin: async () => options.stdin ?? '',
    },
    options.rules,
  );
  return { code, stdout, stderr };
}

/**
 * A temporary folder with the given files (paths relative, `/`-separated). It gets a `.git` folder so the config
 * lookup stops there, as at a repository root, and nothing above /tmp leaks in.
 */
export function tempTree(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'stagelint-cli-'));
  mkdirSync(join(root, '.git'));
  for (const [rel, content] of Object.entries(files)) {
    const path = join(root, ...rel.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return root;
}
