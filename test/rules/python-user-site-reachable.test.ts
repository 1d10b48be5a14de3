import rule from '../../server/src/rules/python-user-site-reachable';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

const build = df`
  FROM python:3.12 AS build
  COPY requirements.txt .
  RUN pip install --user gunicorn flask
`;

ruleTester(rule, {
  valid: [
    { name: 'root runs it from /root/.local with PATH set', code: `${build}FROM python:3.12-slim\nCOPY --from=build /root/.local /root/.local\nENV PATH=/root/.local/bin:$PATH\nCMD ["gunicorn", "app:app"]\n` },
    { name: 'copied to the home of the runtime user, PATH set', code: `${build}FROM python:3.12-slim\nRUN useradd -m app\nCOPY --from=build --chown=app /root/.local /home/app/.local\nENV PATH=/home/app/.local/bin:$PATH\nUSER app\nCMD ["gunicorn", "app:app"]\n` },
    { name: 'copied into /usr/local (on the default paths)', code: `${build}FROM python:3.12-slim\nCOPY --from=build /root/.local /usr/local\nUSER nobody\nCMD ["gunicorn", "app:app"]\n` },
    { name: 'PYTHONUSERBASE points elsewhere', code: `${build}FROM python:3.12-slim\nCOPY --from=build /root/.local /root/.local\nENV PYTHONUSERBASE=/opt/py\nUSER nobody\nCMD ["python", "-m", "app"]\n` },
    { name: 'started through python -m (no console script)', code: `${build}FROM python:3.12-slim\nCOPY --from=build /root/.local /root/.local\nCMD ["python", "-m", "gunicorn", "app:app"]\n` },
    { name: 'runtime user unknown', code: `${build}FROM python:3.12-slim\nARG U\nCOPY --from=build /root/.local /root/.local\nUSER $U\nCMD ["python", "-m", "app"]\n` },
    { name: 'single stage, pip --user as the runtime user', code: 'FROM python:3.12-slim\nRUN useradd -m app\nUSER app\nRUN pip install --user flask\nCMD ["python", "-m", "flask", "run"]\n' },
    { name: 'the program comes from another install too', code: `${build}FROM python:3.12-slim\nCOPY --from=build /root/.local /root/.local\nRUN pip install gunicorn\nCMD ["gunicorn", "app:app"]\n`.replace('--user gunicorn flask', '--user -r requirements.txt') },
  ],
  invalid: [
    {
      name: '/root/.local with a non-root runtime user; fix moves it to the home',
      code: `${build}FROM python:3.12-slim\nRUN useradd -m appuser\nCOPY --from=build /root/.local /root/.local\nUSER appuser\nCMD ["python", "-m", "flask", "run"]\n`,
      errors: [{ messageId: 'rootHome', line: 6, column: 19, endColumn: 31, message: "are in '/root/.local', but the container runs as 'appuser', who cannot read /root" }],
      fixes: [{ title: "Copy the packages to '/home/appuser/.local' (unsafe)", output: `${build}FROM python:3.12-slim\nRUN useradd -m appuser\nCOPY --from=build /root/.local /home/appuser/.local\nUSER appuser\nCMD ["python", "-m", "flask", "run"]\n` }],
    },
    {
      name: 'copied to another user home',
      code: `${build}FROM python:3.12-slim\nRUN useradd -m app && useradd -m worker\nCOPY --from=build /root/.local /home/app/.local\nUSER worker\nCMD ["python", "-m", "flask", "run"]\n`,
      errors: [{ messageId: 'otherHome', line: 6, message: "whose Python only looks in '/home/worker/.local'" }],
    },
    {
      name: 'copied to a user home but the container runs as root',
      code: `${build}FROM python:3.12-slim\nRUN useradd -m app\nCOPY --from=build /root/.local /home/app/.local\nCMD ["python", "-m", "flask", "run"]\n`,
      errors: [{ messageId: 'otherHome', line: 6, message: "runs as 'root', whose Python only looks in '/root/.local'" }],
    },
    {
      name: 'console script not on PATH',
      code: `${build}FROM python:3.12-slim\nCOPY --from=build /root/.local /root/.local\nCMD ["gunicorn", "app:app"]\n`,
      errors: [{ messageId: 'notOnPath', line: 5, message: "'gunicorn' is installed by 'pip install --user' into '/root/.local/bin', which is not on PATH" }],
      fixes: [{ title: "Add '/root/.local/bin' to PATH (unsafe)", output: `${build}FROM python:3.12-slim\nCOPY --from=build /root/.local /root/.local\nENV PATH="/root/.local/bin:$PATH"\nCMD ["gunicorn", "app:app"]\n` }],
    },
    {
      name: 'requirements install and nothing else provides the program',
      code: `${build}FROM python:3.12-slim\nCOPY --from=build /root/.local /root/.local\nCOPY . /app\nCMD uvicorn app:app\n`.replace('--user gunicorn flask', '--user -r requirements.txt'),
      errors: [{ messageId: 'notOnPath', line: 5, message: "'uvicorn'" }],
    },
    {
      name: 'single stage: pip --user as root, then USER',
      code: 'FROM python:3.12-slim\nRUN useradd -m app\nRUN pip install --user flask\nUSER app\nCMD ["python", "-m", "flask", "run"]\n',
      errors: [{ messageId: 'rootHome', line: 3, column: 5, endColumn: 29 }],
    },
  ],
});
