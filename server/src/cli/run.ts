/**
 * The whole `stagelint` command as one function of (arguments, process I/O, rule set) → exit code, so tests can
 * run it in-process with their own rules. Exit codes: 0 nothing at or above the threshold, 1 problems at or above
 * it (or more warnings than --max-warnings), 2 usage, configuration or file errors.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnyRule } from '../engine/defineRule';
import type { FileFacts } from '../engine/fileFacts';
import type { FileCreation } from '../engine/problem';
import { allRules } from '../rules';
import { meetsThreshold, parseCommand, type LintFormat, type LintOptions } from './args';
import { ConfigLoader } from './configLoader';
import { readFileFacts } from './dockerfileFacts';
import { CliError, describeIoError } from './errors';
import { discoverFiles, relativeToCwd, type TargetFile } from './files';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { HELP } from './help';
import { useColor, type CliIo } from './io';
import { lintFile, type LintSettings } from './lintFile';
import { fixableCounts, unsafeFixHint, type FileReport, type ReportContext } from './report';
import { renderRules } from './rulesCommand';
import { readVersion } from './version';

const FORMATTERS: Record<LintFormat, (ctx: ReportContext) => string> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

export async function runCli(argv: readonly string[], io: CliIo, rules: readonly AnyRule[] = allRules): Promise<number> {
  try {
    const command = parseCommand(argv, rules);
    switch (command.kind) {
      case 'help':
        io.writeStdout(HELP);
        return 0;
      case 'version':
        io.writeStdout(`${readVersion()}\n`);
        return 0;
      case 'rules':
        io.writeStdout(renderRules(rules, command.format));
        return 0;
      case 'lint':
        return await runLint(command.options, io, rules);
    }
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    io.writeStderr([e.message, ...e.details].map((l) => `stagelint: ${l}\n`).join(''));
    return 2;
  }
}

async function runLint(options: LintOptions, io: CliIo, rules: readonly AnyRule[]): Promise<number> {
  const shown = (abs: string) => relativeToCwd(abs, io.cwd) ?? abs;
  const configs = new ConfigLoader(rules, shown, options.config === undefined ? undefined : resolve(io.cwd, options.config));
  const settings: LintSettings = {
    rules,
    cliRules: options.rules,
    cliTargets: options.targets,
    ignoreComments: options.ignoreComments,
    fix: options.fix ? { unsafe: options.unsafeFixes } : undefined,
  };

  const reports: FileReport[] = [];
  let fixedStdin: string | undefined;
  if (options.stdin) {
    const text = await io.readStdin();
    const abs = options.stdinFilename === undefined ? undefined : resolve(io.cwd, options.stdinFilename);
    const config = configs.forDir(abs ? dirname(abs) : io.cwd);
    const facts: FileFacts = abs ? readFileFacts(abs) : {};
    const outcome = lintFile(text, abs ? pathToFileURL(abs).href : undefined, config.config, facts, settings);
    reports.push({ file: options.stdinFilename ?? '<stdin>', absolutePath: abs, problems: outcome.problems, fixed: outcome.fixed });
    if (options.fix) fixedStdin = outcome.output;
  } else {
    const targets = discoverFiles(options.paths, io.cwd, configs);
    if (targets.length === 0) io.writeStderr(`stagelint: no Dockerfiles found in ${options.paths.map((p) => `'${p}'`).join(', ')}\n`);
    // Read everything first: an unreadable file is exit code 2 before anything is written.
    const texts = targets.map((t) => readText(t));
    targets.forEach((target, i) => {
      const text = texts[i]!;
      const config = configs.forDir(dirname(target.absolutePath));
      const outcome = lintFile(text, pathToFileURL(target.absolutePath).href, config.config, readFileFacts(target.absolutePath), settings);
      if (outcome.output !== text) writeText(target.display, target.absolutePath, outcome.output);
      createFiles(target, outcome.createdFiles, io.cwd);
      reports.push({ file: target.display, absolutePath: target.absolutePath, problems: outcome.problems, fixed: outcome.fixed });
    });
  }

  const reportToStdout = options.output === undefined && fixedStdin === undefined;
  const ctx: ReportContext = {
    reports,
    rules,
    cwd: io.cwd,
    color: options.output === undefined && useColor(io.env, reportToStdout && io.stdoutIsTTY),
    version: readVersion(),
    fixApplied: options.fix,
    unsafeFixesApplied: options.unsafeFixes,
  };
  const text = FORMATTERS[options.format](ctx);
  if (fixedStdin !== undefined) io.writeStdout(fixedStdin);
  if (options.output !== undefined) writeText(options.output, resolve(io.cwd, options.output), text);
  else if (reportToStdout) io.writeStdout(text);
  else io.writeStderr(text);

  // stylish prints the hint itself; machine formats keep stdout parseable.
  const hint = unsafeFixHint(fixableCounts(reports), options.unsafeFixes);
  if (hint && options.format !== 'stylish') io.writeStderr(`stagelint: ${hint}\n`);

  const problems = reports.flatMap((r) => r.problems);
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.writeStderr(`stagelint: too many warnings (${warnings}, the maximum is ${options.maxWarnings})\n`);
    return 1;
  }
  return problems.some((p) => meetsThreshold(p.severity, options.failureThreshold)) ? 1 : 0;
}

function readText(target: TargetFile): string {
  try {
    return readFileSync(target.absolutePath, 'utf8');
  } catch (e) {
    throw new CliError(`${target.display}: ${describeIoError(e)}`);
  }
}

function writeText(shown: string, absolutePath: string, text: string): void {
  try {
    writeFileSync(absolutePath, text);
  } catch (e) {
    throw new CliError(`${shown}: cannot write: ${describeIoError(e)}`);
  }
}

/** Files a fix needs beside the Dockerfile (e.g. `.dockerignore`); an existing file is never overwritten. */
function createFiles(target: TargetFile, files: readonly FileCreation[], cwd: string): void {
  const dir = dirname(target.absolutePath);
  for (const f of files) {
    const abs = resolve(dir, f.path);
    const rel = relative(dir, abs);
    if (rel.startsWith('..') || isAbsolute(rel)) throw new CliError(`${target.display}: a fix wants to create '${f.path}' outside the Dockerfile's folder; refused`);
    if (existsSync(abs)) continue;
    mkdirSync(dirname(abs), { recursive: true });
    writeText(relativeToCwd(abs, cwd) ?? abs, abs, f.content);
  }
}
