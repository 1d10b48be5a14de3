import { describe, expect, it } from 'vitest';
import { buildModel } from '../../server/src/analysis/buildModel';
import type { DockerfileModel, Instr } from '../../server/src/analysis/model';
import { commandRange, effectiveShell, rangeOf, runScripts, runScriptsOf, shellScriptsOf, type RunScript } from '../../server/src/analysis/runScript';
import { commandName, findCommands } from '../../server/src/analysis/shell';
import { df } from '../support/dockerfile';

function model(text: string): DockerfileModel {
  return buildModel(text, { uri: 'file:///Dockerfile' });
}

function scriptsAt(text: string, line: number): readonly RunScript[] {
  const m = model(text);
  const instr = m.instructions.find((i) => i.range.start.line === line - 1);
  if (!instr) throw new Error(`no instruction on line ${line}`);
  return runScriptsOf(m, instr);
}

function commandNames(s: RunScript): (string | undefined)[] {
  return s.script.commands.map(commandName);
}

/** The document text of each command, for asserting positions. */
function commandTexts(m: DockerfileModel, s: RunScript): string[] {
  return s.script.commands.map((c) => m.textOf(commandRange(s, c)));
}

describe('runScripts: shell form', () => {
  it('parses the arguments after the flags, across continuation and comment lines', () => {
    const text = df`
      FROM debian:12
      RUN --mount=type=cache,target=/var/cache/apt \\
          apt-get update && \\
          # install tools
          apt-get install -y --no-install-recommends curl && \\
          rm -rf /var/lib/apt/lists/*
    `;
    const m = model(text);
    const [s] = runScriptsOf(m, m.instructions[1]!);
    expect(s).toMatchObject({ form: 'shell', language: 'sh', role: 'command' });
    expect(commandNames(s!)).toEqual(['apt-get', 'apt-get', 'rm']);
    expect(commandTexts(m, s!)).toEqual(['apt-get update', 'apt-get install -y --no-install-recommends curl', 'rm -rf /var/lib/apt/lists/*']);
    const install = s!.script.commands[1]!;
    expect(rangeOf(s!, install.start, install.end)).toEqual({ start: { line: 4, character: 4 }, end: { line: 4, character: 51 } });
  });

  it('reports exact word ranges', () => {
    const text = 'FROM alpine\nRUN apk add   curl \\\n      git\n';
    const [s] = scriptsAt(text, 2);
    const git = s!.script.commands[0]!.words[3]!;
    expect(rangeOf(s!, git.start, git.end)).toEqual({ start: { line: 2, character: 6 }, end: { line: 2, character: 9 } });
  });

  it('honours the escape directive', () => {
    const text = '# escape=`\nFROM alpine\nRUN apk add curl `\n    && echo C:\\path\n';
    const [s] = scriptsAt(text, 3);
    expect(commandNames(s!)).toEqual(['apk', 'echo']);
    expect(s!.script.commands[1]!.words[1]!.value).toBe('C:path');
  });

  it('handles CMD, ENTRYPOINT, HEALTHCHECK CMD and ONBUILD RUN', () => {
    const text = df`
      FROM node:20
      HEALTHCHECK --interval=5s CMD curl -f http://localhost/ || exit 1
      HEALTHCHECK NONE
      ONBUILD RUN npm ci && npm run build
      CMD node server.js
    `;
    expect(commandNames(scriptsAt(text, 2)[0]!)).toEqual(['curl', 'exit']);
    expect(scriptsAt(text, 3)).toEqual([]);
    expect(commandNames(scriptsAt(text, 4)[0]!)).toEqual(['npm', 'npm']);
    expect(scriptsAt(text, 5)[0]).toMatchObject({ role: 'command' });
    expect(scriptsAt('FROM x\nENTRYPOINT ["tini", "--"]\nCMD ["--port", "80"]\n', 3)[0]).toMatchObject({ role: 'arguments' });
  });

  it('returns nothing for instructions that run no command', () => {
    expect(scriptsAt('FROM x\nCOPY a b\n', 2)).toEqual([]);
    expect(scriptsAt('FROM x\nRUN\n', 2)).toEqual([]);
  });
});

describe('runScripts: JSON form', () => {
  it('reads the argv as one command and parses a sh -c string inside it', () => {
    const text = 'FROM x\nRUN ["/bin/sh", "-c", "apt-get update && apt-get install -y \\"curl\\""]\n';
    const m = model(text);
    const [s] = runScriptsOf(m, m.instructions[1]!);
    expect(s).toMatchObject({ form: 'exec', language: 'sh' });
    expect(commandNames(s!)).toEqual(['sh', 'apt-get', 'apt-get']);
    expect(commandTexts(m, s!).slice(1)).toEqual(['apt-get update', 'apt-get install -y \\"curl\\"']);
    expect(s!.script.commands[2]!.words[3]!.value).toBe('curl');
  });

  it('keeps blanks inside JSON strings and maps JSON escapes', () => {
    const text = 'FROM x\nCMD ["python", "-m", "http.server", "a b", "\\u0041\\n"]\n';
    const [s] = scriptsAt(text, 2);
    expect(s!.script.commands[0]!.words.map((w) => w.value)).toEqual(['python', '-m', 'http.server', 'a b', 'A\n']);
  });

  it('treats text that is not a JSON array of strings as shell form', () => {
    const [s] = scriptsAt('FROM x\nRUN [ -f /etc/os-release ] && cat /etc/os-release\n', 2);
    expect(s).toMatchObject({ form: 'shell' });
    expect(commandNames(s!)).toEqual(['[', 'cat']);
    expect(scriptsAt('FROM x\nRUN ["a", 1]\n', 2)[0]).toMatchObject({ form: 'shell' });
  });

  it('finds the JSON form only where the text starts with [ after blanks and joined lines, as BuildKit reads it', () => {
    const forms = (run: string) => scriptsAt(`FROM x\n${run}\n`, 2).map((s) => s.form);
    expect(forms('RUN ["a", "b"]')).toEqual(['exec']);
    expect(forms('RUN \\\n  ["a", "b"]')).toEqual(['exec']);
    expect(forms('RUN \\\n\t\\\n ["a"]')).toEqual(['exec']);
    expect(forms('RUN x ["a"]')).toEqual(['shell']);
    expect(forms('RUN \\["a"]')).toEqual(['shell']);
    expect(forms('CMD []')).toEqual(['exec']);
    expect(forms('HEALTHCHECK CMD ["curl", "-f", "x"]')).toEqual(['exec']);
    expect(forms('HEALTHCHECK CMD curl -f x')).toEqual(['shell']);
  });

  it('joins continuation lines inside a JSON array', () => {
    const [s] = scriptsAt('FROM x\nENTRYPOINT ["docker-entrypoint.sh", \\\n  "postgres"]\n', 2);
    expect(s).toMatchObject({ form: 'exec' });
    expect(s!.script.commands[0]!.words.map((w) => w.value)).toEqual(['docker-entrypoint.sh', 'postgres']);
  });
});

describe('runScripts: heredocs', () => {
  it('parses a bare heredoc body as the script', () => {
    const text = df`
      FROM debian
      RUN <<EOF
      set -e
      apt-get update
      apt-get install -y curl
      EOF
    `;
    const m = model(text);
    const scripts = runScriptsOf(m, m.instructions[1]!);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatchObject({ form: 'heredoc', language: 'sh' });
    expect(commandNames(scripts[0]!)).toEqual(['set', 'apt-get', 'apt-get']);
    expect(commandTexts(m, scripts[0]!)[2]).toBe('apt-get install -y curl');
    expect(m.textOf(commandRange(scripts[0]!, scripts[0]!.script.commands[2]!))).toBe('apt-get install -y curl');
  });

  it('marks a heredoc fed to another program as not shell', () => {
    const text = df`
      FROM python:3.12
      RUN python3 <<EOF > /out.txt
      import os
      print(os.getcwd())
      EOF
      RUN cat <<'CONF' > /etc/app.conf
      rm -rf /
      CONF
    `;
    const py = scriptsAt(text, 2);
    expect(py.map((s) => [s.form, s.language, s.interpreter])).toEqual([['shell', 'sh', undefined], ['heredoc', 'other', 'python3']]);
    expect(py[1]!.script.commands).toEqual([]);
    const cat = scriptsAt(text, 6);
    expect(cat[1]).toMatchObject({ form: 'heredoc', language: 'other', interpreter: 'cat' });
  });

  it('treats a heredoc read by a shell as shell, and follows a shebang', () => {
    const text = df`
      FROM alpine
      RUN bash -e <<EOF
      apk add curl
      EOF
      RUN <<EOF
      #!/usr/bin/env python3
      print("hi")
      EOF
      RUN <<EOF
      #!/bin/bash
      apk add git
      EOF
    `;
    const bash = scriptsAt(text, 2);
    expect(bash[1]).toMatchObject({ form: 'heredoc', language: 'sh' });
    expect(commandNames(bash[1]!)).toEqual(['apk']);
    expect(scriptsAt(text, 5)[0]).toMatchObject({ language: 'other', interpreter: 'python3' });
    expect(commandNames(scriptsAt(text, 9)[0]!)).toEqual(['apk']);
  });
});

describe('SHELL', () => {
  it('marks scripts run by a non-POSIX SHELL as other', () => {
    const text = df`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN echo %PATH%
      SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
      RUN Invoke-WebRequest -Uri $url
      FROM alpine
      RUN apk add curl
    `;
    const m = model(text);
    const at = (line: number): Instr => m.instructions.find((i) => i.range.start.line === line - 1)!;
    expect(effectiveShell(m, at(2))).toEqual(['cmd', '/S', '/C']);
    expect(effectiveShell(m, at(4))).toEqual(['powershell', '-Command', "$ErrorActionPreference = 'Stop';"]);
    expect(runScriptsOf(m, at(4))[0]).toMatchObject({ language: 'other', interpreter: 'powershell' });
    expect(runScriptsOf(m, at(4))[0]!.script.commands).toEqual([]);
    expect(runScriptsOf(m, at(6))[0]).toMatchObject({ language: 'sh' });
  });

  it('inherits SHELL through FROM <stage>', () => {
    const text = df`
      FROM debian AS base
      SHELL ["/bin/bash", "-o", "pipefail", "-c"]
      FROM base
      RUN curl x | tar x
    `;
    const m = model(text);
    expect(effectiveShell(m, m.instructions[3]!)).toEqual(['/bin/bash', '-o', 'pipefail', '-c']);
    expect(runScriptsOf(m, m.instructions[3]!)[0]).toMatchObject({ language: 'sh' });
  });
});

describe('runScriptsOf caching', () => {
  it('returns the same parse for the same instruction and a new one for a new model', () => {
    const text = 'FROM x\nRUN a && b\n';
    const m = model(text);
    expect(runScriptsOf(m, m.instructions[1]!)).toBe(runScriptsOf(m, m.instructions[1]!));
    const again = model(text);
    expect(runScriptsOf(again, again.instructions[1]!)).not.toBe(runScriptsOf(m, m.instructions[1]!));
  });

  it('shellScriptsOf keeps only POSIX shell scripts', () => {
    const text = 'FROM python\nRUN python3 <<EOF\nprint(1)\nEOF\n';
    const m = model(text);
    expect(runScriptsOf(m, m.instructions[1]!)).toHaveLength(2);
    expect(shellScriptsOf(m, m.instructions[1]!).map((s) => s.form)).toEqual(['shell']);
  });
});

describe('runScripts without a model', () => {
  it('accepts the document text and options', () => {
    const text = 'FROM x\nRUN a && b\n';
    const m = model(text);
    const [s] = runScripts(m.instructions[1]!, text);
    expect(commandNames(s!)).toEqual(['a', 'b']);
    expect(findCommands(s!.script, 'b')).toHaveLength(1);
  });

  it('finds no script in an instruction whose range ends before its arguments', () => {
    const text = 'FROM x\nRUN apt-get update && apt-get install -y curl\n';
    const m = model(text);
    const run = m.instructions[1]!;
    for (const end of [{ line: 1, character: 3 }, { line: 0, character: 0 }]) {
      const inverted: Instr = { ...run, range: { start: run.range.start, end } };
      expect(runScripts(inverted, text)).toEqual([]);
    }
  });

  it('never throws on broken instructions', () => {
    for (const text of ['FROM x\nRUN ["sh", "-c"\n', 'FROM x\nRUN <<EOF\n', 'FROM x\nRUN \\\n', 'FROM x\nHEALTHCHECK CMD\n', 'FROM x\nRUN <<\n']) {
      const m = model(text);
      for (const i of m.instructions) expect(() => runScriptsOf(m, i)).not.toThrow();
    }
  });
});
