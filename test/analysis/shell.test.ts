import { describe, expect, it } from 'vitest';
import { commandName, parseShell, type ParseShellOptions, type ShellScript } from '../../server/src/analysis/shell';

function parse(text: string, options: ParseShellOptions = {}): ShellScript {
  return parseShell(text, options);
}

/** `op name arg…` per command, e.g. `&& apt-get install -y curl`. */
function outline(text: string, options: ParseShellOptions = {}): string[] {
  return parse(text, options).commands.map((c) => [c.op === '\n' ? 'NL' : c.op ?? '', ...c.words.map((w) => w.value)].join(' ').trim());
}

function names(text: string, options: ParseShellOptions = {}): (string | undefined)[] {
  return parse(text, options).commands.map(commandName);
}

describe('parseShell: commands, operators and words', () => {
  it.each<[string, string[]]>([
    ['apt-get update && apt-get install -y curl', ['apt-get update', '&& apt-get install -y curl']],
    ['a || b; c | d & e', ['a', '|| b', '; c', '| d', '& e']],
    ['a |& b', ['a', '| b']],
    ['a\nb', ['a', 'NL b']],
    ['a &&\n  b', ['a', '&& b']],
    ['a ||\n\n  b', ['a', '|| b']],
    ['echo "a b" \'c d\' e\\ f', ['echo a b c d e f']],
    ['echo "x $HOME $(date +%s) `id -u`"', ['echo x $HOME $(date +%s) `id -u`']],
    ['echo $(echo a; echo b) c', ['echo $(echo a; echo b) c']],
    ['echo $((1 + 2)) ${A:-b c}', ['echo $((1 + 2)) ${A:-b c}']],
    ["echo $'a\\tb'", ['echo a\tb']],
    ['echo "a \\"b\\" \\$c \\\\ \\n"', ['echo a "b" $c \\ \\n']],
    ['echo a#b # comment ; rm -rf /', ['echo a#b']],
    ['echo @(a|b) x=(1 2)', ['echo @(a|b) x=(1 2)']],
    ['diff <(sort a) >(cat)', ['diff <(sort a) >(cat)']],
    ['', []],
    ['   \n  # only a comment\n', []],
  ])('%j', (text, expected) => {
    expect(outline(text)).toEqual(expected);
  });

  it('keeps leading assignments apart from the words', () => {
    const [cmd] = parse('DEBIAN_FRONTEND=noninteractive A="x y" apt-get install -y B=1').commands;
    expect(cmd?.assignments.map((a) => [a.name, a.value])).toEqual([['DEBIAN_FRONTEND', 'noninteractive'], ['A', 'x y']]);
    expect(cmd?.words.map((w) => w.value)).toEqual(['apt-get', 'install', '-y', 'B=1']);
    expect(commandName(cmd!)).toBe('apt-get');
  });

  it('keeps a bare assignment as a command without words', () => {
    const cmds = parse('buildDeps="gcc make"; apt-get install $buildDeps').commands;
    expect(cmds[0]?.words).toEqual([]);
    expect(cmds[0]?.assignments[0]).toMatchObject({ name: 'buildDeps', value: 'gcc make' });
    expect(cmds[1]?.words[2]).toMatchObject({ value: '$buildDeps', expansion: true });
  });

  it('separates redirections from arguments', () => {
    const [cmd] = parse('make install > /dev/null 2>&1 </tmp/in').commands;
    expect(cmd?.words.map((w) => w.value)).toEqual(['make', 'install']);
    expect(cmd?.redirects.map((r) => [r.fd ?? '', r.op, r.target?.value])).toEqual([['', '>', '/dev/null'], ['2', '>&', '1'], ['', '<', '/tmp/in']]);
  });

  it('marks quoting and expansions on words', () => {
    const [cmd] = parse(`echo plain 'q' "$X" \\if`).commands;
    expect(cmd?.words.map((w) => [w.value, w.quoted, w.expansion])).toEqual([
      ['echo', false, false], ['plain', false, false], ['q', true, false], ['$X', true, true], ['if', true, false],
    ]);
  });

  it('skips here-document bodies inside a script', () => {
    expect(outline("cat <<EOF > /etc/x.conf\nrm -rf /\nEOF\necho done\ncat <<-'END'\n\tnot a command\n\tEND\nls")).toEqual([
      'cat', 'NL echo done', 'NL cat', 'NL ls',
    ]);
  });

  it('marks background commands', () => {
    const cmds = parse('dockerd & sleep 1').commands;
    expect(cmds.map((c) => c.background)).toEqual([true, false]);
    expect(cmds[0]?.nextOp).toBe('&');
  });
});

describe('parseShell: Dockerfile continuations', () => {
  it('joins continuation lines and drops comment lines inside them', () => {
    const text = 'apt-get update \\\n    # refresh first\n\n    && apt-get install -y \\\n        curl \\\n    && rm -rf /var/lib/apt/lists/*';
    expect(outline(text)).toEqual(['apt-get update', '&& apt-get install -y curl', '&& rm -rf /var/lib/apt/lists/*']);
  });

  it('treats a trailing comment on a continued line as commenting out the rest of the logical line', () => {
    // BuildKit joins the lines first, so the shell sees `… curl # note && rm …`: the rm never runs.
    expect(outline('apt-get install curl # note \\\n && rm -rf /x')).toEqual(['apt-get install curl']);
  });

  it('allows blanks after the escape character and CRLF line ends', () => {
    expect(outline('a \\  \r\n  && b \\\r\n  c\r\n')).toEqual(['a', '&& b c']);
  });

  it('does not continue a line ending with an escaped escape character (BuildKit)', () => {
    expect(outline('echo a\\\\\nb')).toEqual(['echo a\\', 'NL b']);
    expect(outline('echo a \\\n\\\nb')).toEqual(['echo a b']);
  });

  it('uses the backtick escape directive', () => {
    expect(outline('Write-Host a; `\n  Write-Host b', { escapeChar: '`' })).toEqual(['Write-Host a', '; Write-Host b']);
    // With a backtick escape, a backslash at the end of a line is a shell continuation, not a Dockerfile one.
    expect(outline('echo a \\\nb', { escapeChar: '`' })).toEqual(['echo a b']);
  });

  it('in shell mode keeps comment lines as shell comments and honours shell continuations', () => {
    expect(outline('set -e\n# c \\\napt-get update \\\n  && ls', { mode: 'shell' })).toEqual(['set -e', 'NL apt-get update', '&& ls']);
  });

  it('maps words back to document offsets across continuations', () => {
    const text = 'RUN apt-get install -y \\\n    # comment\n    curl=7.88* \\\n    git';
    const script = parse(text, { start: 4 });
    const words = script.commands[0]!.words;
    expect(words.map((w) => w.value)).toEqual(['apt-get', 'install', '-y', 'curl=7.88*', 'git']);
    for (const w of words) expect(text.slice(w.start, w.end)).toBe(w.raw);
    expect(words.map((w) => w.raw)).toEqual(['apt-get', 'install', '-y', 'curl=7.88*', 'git']);
    expect(script.commands[0]!.end).toBe(text.length);
  });

  it('maps a word split by a continuation to its whole written extent', () => {
    const text = 'echo ab\\\ncd';
    const [w0, w1] = parse(text).commands[0]!.words;
    expect(w0?.value).toBe('echo');
    expect(w1).toMatchObject({ value: 'abcd', start: 5, end: text.length, raw: 'ab\\\ncd' });
  });

  it('parses only the requested region', () => {
    const text = 'FROM x\nRUN a && b\nRUN c';
    const start = text.indexOf('a &&');
    expect(parse(text, { start, end: text.indexOf('\nRUN c') }).commands.map(commandName)).toEqual(['a', 'b']);
  });
});

describe('parseShell: compound commands', () => {
  it('finds commands in if/elif/else bodies and marks conditions', () => {
    const cmds = parse('if [ -f a ]; then echo yes; elif test -d b; then mkdir c; else exit 1; fi && done_cmd').commands;
    expect(cmds.map((c) => [commandName(c), c.contexts.join(','), c.inCondition])).toEqual([
      ['[', 'if-condition', true], ['echo', 'if-body', false], ['test', 'if-condition', true],
      ['mkdir', 'if-body', false], ['exit', 'if-body', false], ['done_cmd', '', false],
    ]);
    expect(cmds[5]?.op).toBe('&&');
  });

  it('does not take for-loop words as commands', () => {
    const cmds = parse('for pkg in gcc make; do apk add $pkg; done; for x; do :; done').commands;
    expect(cmds.map((c) => [commandName(c), c.contexts.join(',')])).toEqual([['apk', 'loop-body'], [':', 'loop-body']]);
  });

  it('handles while/until loops', () => {
    expect(parse('while ! nc -z db 5432; do sleep 1; done').commands.map((c) => [commandName(c), c.negated, c.inCondition])).toEqual([
      ['nc', true, true], ['sleep', false, false],
    ]);
    expect(names('until curl -f x; do sleep 2; done')).toEqual(['curl', 'sleep']);
  });

  it('handles case statements', () => {
    const text = 'case "$(uname -m)" in\n  x86_64|amd64) ARCH=amd64 ;;\n  aarch64) ARCH=arm64; echo arm ;;\n  *) echo "unsupported"; exit 1 ;;\nesac; echo after';
    const cmds = parse(text).commands;
    expect(cmds.map((c) => commandName(c) ?? `=${c.assignments[0]?.name}`)).toEqual(['=ARCH', '=ARCH', 'echo', 'echo', 'exit', 'echo']);
    expect(cmds.slice(0, 5).every((c) => c.contexts.includes('case-body'))).toBe(true);
    expect(cmds[5]?.contexts).toEqual([]);
  });

  it('handles groups, subshells and functions', () => {
    const cmds = parse('{ a; b; } > log; (cd /src && make) || true; f() { g; }; function h { i; }').commands;
    expect(cmds.map((c) => [commandName(c), c.contexts.join(','), c.op])).toEqual([
      ['a', 'group', null], ['b', 'group', ';'], ['cd', 'subshell', ';'], ['make', 'subshell', '&&'], ['true', '', '||'],
      ['g', 'function-body,group', ';'], ['i', 'function-body,group', ';'],
    ]);
    expect(cmds[2]?.inSubshell).toBe(true);
    expect(cmds[0]?.inGroup).toBe(true);
  });

  it('reads [[ … ]] as one command', () => {
    expect(outline('[[ -n "$A" && $B < 3 ]] || exit 1')).toEqual(['[[ -n $A && $B < 3 ]]', '|| exit 1']);
  });

  it('skips arithmetic commands', () => {
    expect(names('(( i++ )); echo $i')).toEqual(['echo']);
  });

  it('treats keywords as words after the command name and when quoted', () => {
    expect(outline('echo if then fi; "if" x')).toEqual(['echo if then fi', '; if x']);
  });
});

describe('parseShell: nested sh -c strings', () => {
  it('parses the string of sh -c with offsets into the outer text', () => {
    const text = `sh -c "apt-get update && apt-get install -y 'curl'" && bash -ec 'make || true'`;
    const cmds = parse(text).commands;
    expect(cmds.map((c) => [commandName(c), c.parent ? commandName(c.parent) : '-', c.op])).toEqual([
      ['sh', '-', null], ['apt-get', 'sh', null], ['apt-get', 'sh', '&&'], ['bash', '-', '&&'], ['make', 'bash', null], ['true', 'bash', '||'],
    ]);
    const install = cmds[2]!;
    expect(text.slice(install.start, install.end)).toBe("apt-get install -y 'curl'");
    expect(install.words.map((w) => [w.value, text.slice(w.start, w.end)])).toEqual([
      ['apt-get', 'apt-get'], ['install', 'install'], ['-y', '-y'], ['curl', "'curl'"],
    ]);
  });

  it('maps through escapes inside a double-quoted string', () => {
    const text = 'bash -c "echo \\"$HOME\\" && pip install flask"';
    const pip = parse(text).commands.find((c) => commandName(c) === 'pip')!;
    expect(text.slice(pip.start, pip.end)).toBe('pip install flask');
    const echo = parse(text).commands.find((c) => commandName(c) === 'echo')!;
    expect(echo.words[1]?.value).toBe('$HOME');
  });

  it('follows sudo, su -c, busybox sh and shell options before -c', () => {
    expect(names(`sudo sh -c 'a'; su -s /bin/sh -c "b" user; busybox sh -c 'c'; bash -o pipefail -c 'd'; sh -euxc 'e'`)).toEqual([
      'sh', 'a', 'su', 'b', 'busybox', 'c', 'bash', 'd', 'sh', 'e',
    ]);
  });

  it('does not parse script files or plain arguments of a shell', () => {
    expect(names('sh ./install.sh -c x; bash script.sh')).toEqual(['sh', 'bash']);
  });

  it('stops nesting at a fixed depth', () => {
    const text = `sh -c "sh -c 'sh -c \\"sh -c x\\"'"`;
    expect(names(text)).toEqual(['sh', 'sh', 'sh', 'sh']);
  });
});

describe('parseShell: robustness', () => {
  it.each([
    'echo "unterminated', "echo 'unterminated", 'echo $(unterminated', 'echo ${x', 'echo `x', 'if then fi done esac }',
    ')))(((', '<<', '<<EOF', 'a && && || ;; b', 'case', 'for', 'function', 'f() ', '[[', '\\', '$', 'echo \\', '"', "$'",
    'a=(', '2>', '>&', '&', ';', '|', '((', 'sh -c', 'bash -c "', '\u0000\u0001', 'for ((i=0;i<3;i++)); do echo; done',
  ])('never throws on %j', (text) => {
    const script = parse(text);
    for (const c of script.commands) {
      expect(c.start).toBeLessThanOrEqual(c.end);
      for (const w of c.words) expect(text.slice(w.start, w.end)).toBe(w.raw);
    }
  });

  it('never throws on random input and keeps offsets inside the text', () => {
    // Deterministic pseudo-random generator so a failure can be reproduced.
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alphabet = ['a', 'b', ' ', '\n', '\\', '\\\n', "'", '"', '$', '$(', '${', '`', '(', ')', '{', '}', ';', '&', '|', '<', '>', '<<', '#', 'if ', 'then ', 'fi', 'do ', 'done', 'case ', ' in ', 'esac', 'sh -c ', '=', '-y', '\t', '\r\n', '[[ ', ']]', '!', '*', '@'];
    for (let n = 0; n < 1000; n++) {
      let text = '';
      const len = rand(40);
      for (let k = 0; k < len; k++) text += alphabet[rand(alphabet.length)];
      for (const mode of ['dockerfile', 'shell'] as const) {
        const script = parseShell(text, { mode, escapeChar: rand(2) ? '\\' : '`' });
        for (const c of script.commands) {
          expect(c.start).toBeGreaterThanOrEqual(0);
          expect(c.end).toBeLessThanOrEqual(text.length);
          for (const w of c.words) {
            expect(w.start).toBeGreaterThanOrEqual(0);
            expect(w.end).toBeLessThanOrEqual(text.length);
          }
        }
      }
    }
  });

  it('clamps an out-of-range region', () => {
    expect(names('a; b', { start: -5, end: 1000 })).toEqual(['a', 'b']);
    expect(names('a; b', { start: 10, end: 2 })).toEqual([]);
  });
});
