import { describe } from 'vitest';
import rule from '../../server/src/rules/pip-no-cache-dir';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12\nRUN pip install --no-cache-dir flask\n',
    { name: 'PIP_NO_CACHE_DIR from ENV', code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
    { name: 'PIP_NO_CACHE_DIR on the command', code: 'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n' },
    { name: 'a cache mount (also on ~/.cache of another user)', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache pip install flask\nRUN --mount=type=cache,target=/home/app/.cache/pip pip install rich\n' },
    { name: 'the cache removed afterwards', code: 'FROM python:3.12\nRUN pip install flask && rm -rf /root/.cache/pip\n' },
    { name: 'pip configured by an earlier RUN', code: 'FROM python:3.12\nRUN pip config set global.no-cache-dir false\nRUN pip install flask\n' },
    { name: 'a builder stage', code: df`
      FROM python:3.12 AS build
      RUN pip install --user -r requirements.txt
      FROM python:3.12-slim
      COPY --from=build /root/.local /root/.local
    ` },
    { name: 'uv has its own option', code: 'FROM python:3.12\nRUN uv pip install --system flask\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN python -m pip install --upgrade pip && pip3 install -r requirements.txt\n',
      errors: [
        { messageId: 'cache', line: 2, column: 5, endColumn: 26, message: "'python -m pip install' keeps" },
        { messageId: 'cache', line: 2, column: 44, endColumn: 56, message: "'pip3 install'" },
      ],
      output: 'FROM python:3.12-slim\nRUN python -m pip install --no-cache-dir --upgrade pip && pip3 install --no-cache-dir -r requirements.txt\n',
    },
    {
      name: 'a virtualenv pip',
      code: 'FROM python:3.12-slim\nRUN /opt/venv/bin/pip install gunicorn\n',
      errors: [{ messageId: 'cache', line: 2 }],
      output: 'FROM python:3.12-slim\nRUN /opt/venv/bin/pip install --no-cache-dir gunicorn\n',
    },
  ],
});

describe('peer examples: hadolint DL3042', () => {
  ruleTester(rule, {
    valid: [{ name: 'with --no-cache-dir', code: 'FROM python:3.12\nRUN pip install --no-cache-dir MySQL_python==1.2.2\n' }],
    invalid: [
      {
        name: 'without --no-cache-dir',
        code: 'FROM python:3.12\nRUN pip install MySQL_python==1.2.2\n',
        errors: [{ messageId: 'cache' }],
        output: 'FROM python:3.12\nRUN pip install --no-cache-dir MySQL_python==1.2.2\n',
      },
    ],
  });
});
