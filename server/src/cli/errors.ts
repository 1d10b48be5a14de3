/** A problem that ends the run with exit code 2 (usage, configuration or I/O), printed as `stagelint: <message>`. */
export class CliError extends Error {
  /** Further lines (e.g. every problem of a config file), each printed as its own `stagelint: …` line. */
  readonly details: readonly string[];
  constructor(message: string, details: readonly string[] = []) {
    super(message);
    this.details = details;
  }
}

/** `ENOENT: no such file …` → `no such file or directory`; other errors keep their message. */
export function describeIoError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'not a directory';
    default: return err instanceof Error ? err.message : String(e);
  }
}
