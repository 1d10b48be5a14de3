import { describe } from 'vitest';
import rule from '../../server/src/rules/apt-clean-lists';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    { name: 'a cache mount on the lists', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked apt-get update && apt-get install -y curl\n' },
    { name: 'a cache mount on /var/lib/apt covers the lists', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl\n' },
    { name: 'apt-get dist-clean', code: 'FROM debian:13\nRUN apt-get update && apt-get install -y curl && apt-get dist-clean\n' },
    { name: 'a builder stage', code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM scratch\nCOPY --from=build /x /x\n' },
    { name: 'an update alone is another rule', code: 'FROM debian:12\nRUN apt-get update\n' },
    { name: 'the official-image idiom with a cleanup in a subshell-free chain', code: df`
      FROM debian:12
      RUN set -eux; \\
        apt-get update; \\
        apt-get install -y --no-install-recommends ca-certificates; \\
        rm -rf /var/lib/apt/lists/*
    ` },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
      errors: [{ messageId: 'lists', line: 2, column: 23, endColumn: 38 }],
      output: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'apt-get clean keeps the lists; continuation lines',
      code: 'FROM ubuntu:24.04\nRUN apt-get update \\\n && apt-get install -y git \\\n && apt-get clean\n',
      errors: [{ messageId: 'lists', line: 3 }],
      output: 'FROM ubuntu:24.04\nRUN apt-get update \\\n && apt-get install -y git \\\n && apt-get clean && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'a removal in a later RUN does not shrink the earlier layer',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n',
      errors: [{ messageId: 'lists', line: 2 }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'a script ending in a compound command: no fix',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && if [ -f /x ]; then rm /x; fi\n',
      errors: [{ messageId: 'lists', line: 2 }],
      output: null,
    },
    // The tolerant shell lexer runs an unterminated quote or expansion to the end of the script: appended text would
    // land inside it (and the problem stay, so --fix appended it once per pass).
    ...[
      ['a single quote', "apt-get install -y curl && echo 'x"],
      ['a double quote', 'apt-get install -y curl \\\n  && echo "x'],
      ['a ${', 'apt-get install -y ${pkg}-dbg=${ts/*'],
      ['a $(', 'apt-get install -y $(cat pkgs'],
      ["a line end after '\\\\' (a continuation to BuildKit)", 'apt-get install -y curl \\\\\n<<'],
    ].map(([what, script]) => ({
      name: `a script ending inside ${what}: no fix`,
      code: `FROM debian:12\nRUN apt-get update && ${script}\n`,
      errors: [{ messageId: 'lists' }],
      output: null,
    })),
  ],
});

describe('peer examples: hadolint DL3009', () => {
  ruleTester(rule, {
    valid: [
      { name: 'lists removed', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y python && rm -rf /var/lib/apt/lists/*\n' },
      { name: 'only a stage that is not the final image', code: 'FROM ubuntu:22.04 AS foo\nRUN apt-get update && apt-get install -y python\nFROM scratch\n' },
    ],
    invalid: [
      {
        name: 'lists kept',
        code: 'FROM debian:12\nRUN apt-get update && apt-get install -y python\n',
        errors: [{ messageId: 'lists' }],
        output: 'FROM debian:12\nRUN apt-get update && apt-get install -y python && rm -rf /var/lib/apt/lists/*\n',
      },
    ],
  });
});
