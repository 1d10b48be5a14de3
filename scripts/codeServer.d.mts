// Types for codeServer.mjs, so the TypeScript end-to-end harness can use the same launcher as `npm start`.
export declare const REPO_ROOT: string;
export declare const CODE_SERVER_VERSION: string;
export declare const CODE_SERVER_DIR: string;
export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: readonly string[];
export declare const BASE_SETTINGS: Readonly<Record<string, unknown>>;

export declare function codeServerEntry(): string;
export declare function linkExtensions(extensionsDir: string, extensionPaths: readonly string[]): void;
export declare function writeUserSettings(userDataDir: string, settings: Record<string, unknown>): void;

export interface StartCodeServerOptions {
  /** Folder the workbench opens. */
  workspace: string;
  /** Extension folders (each with package.json) to load; defaults to the repository itself. */
  extensions?: readonly string[];
  /** User settings on top of BASE_SETTINGS. */
  settings?: Record<string, unknown>;
  /** Where user-data/, extensions/ and code-server.log go; a temporary folder (deleted on stop) by default. */
  stateDir?: string;
  /** Loopback port; 0 (the default) lets the kernel pick a free one. */
  port?: number;
  extraArgs?: readonly string[];
  env?: Record<string, string>;
  readyTimeoutMs?: number;
  /** Copy code-server's output to stderr. */
  echo?: boolean;
}

export interface CodeServerHandle {
  readonly pid: number | undefined;
  readonly stateDir: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly logFile: string;
  readonly workspace: string;
  readonly exited: Promise<{ code: number | null; signal: string | null }>;
  /** Base URL, ending with '/'. */
  readonly url: string;
  folderUrl(folder?: string): string;
  stop(): Promise<void>;
}

export declare function startCodeServer(options: StartCodeServerOptions): Promise<CodeServerHandle>;
export declare function descendantPids(pid: number): number[];
export declare function stopProcessTree(pid: number | undefined, graceMs?: number): Promise<void>;

export interface RunExtensionTestsOptions {
  workspace: string;
  /** Folder of the extension under test (its package.json). */
  extensionDevelopmentPath: string;
  /** CommonJS module exporting `run(): Promise<void>` (e.g. a mocha runner), as for @vscode/test-electron. */
  extensionTestsPath: string;
  timeoutMs?: number;
  onLog?: (line: string) => void;
  stateDir?: string;
}

export declare function runExtensionTests(
  options: RunExtensionTestsOptions,
): Promise<{ exitCode: number; output: string }>;
export declare function formatConsoleArgs(args: readonly unknown[]): string;
