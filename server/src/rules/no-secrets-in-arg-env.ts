import { argDeclsOf } from '../analysis/args';
import { partRange } from '../analysis/joinedWord';
import type { DockerfileModel, Instr } from '../analysis/model';
import { defineRule } from '../engine/defineRule';
import type { Range } from 'vscode-languageserver-types';

/**
 * Words that make a name secret on their own, compared as whole `_`/`-`/`.`-separated words (BuildKit's
 * approach), so `PASSWORD` and `DB_PASSWORD` match but `PASSWORDLESS_LOGIN` does not.
 */
const SECRET_WORDS = new Set([
  'password', 'passwd', 'pword', 'pass', 'passphrase', 'secret', 'secrets', 'token', 'apikey', 'credential',
  'credentials', 'privatekey',
]);
/** `KEY` is only secret next to one of these (`API_KEY`, `AWS_SECRET_ACCESS_KEY`, `SSH_PRIVATE_KEY`). */
const SECRET_KEY_QUALIFIERS = new Set([
  'api', 'private', 'secret', 'access', 'client', 'encryption', 'master', 'license', 'licence', 'service', 'account',
  'ssh', 'session', 'auth',
]);
/** What may follow `KEY` in a name that still holds the key itself (`SECRET_KEY_BASE`, `SSH_PRIVATE_KEY_PEM`). */
const KEY_SUFFIXES = new Set(['base', 'value', 'data', 'pem', 'b64', 'base64', 'content', 'contents']);
/**
 * Words that say the value is not the secret itself but something about it: where it is, what it is called,
 * which version. BuildKit allows `public`, `file` and `version`; the others avoid the false alarms users report
 * (`GPG_KEY` fingerprints, `PASSWORD_FILE`, `TOKEN_URL`, `KEY_NAME`, `SECRET_ID`).
 */
const NOT_SECRET = new Set([
  'public', 'pub', 'file', 'files', 'path', 'dir', 'version', 'url', 'uri', 'endpoint', 'host', 'port', 'name', 'id',
  'alias', 'type', 'length', 'len', 'size', 'ttl', 'expiry', 'expires', 'timeout', 'header', 'prompt', 'method',
  'mode', 'algorithm', 'format', 'provider', 'location', 'fingerprint', 'gpg', 'pgp', 'keyring', 'keyserver',
  'keys', 'policy', 'required', 'require', 'enabled', 'enable', 'disabled', 'disable', 'no', 'skip', 'use', 'allow',
]);

function secretWordIn(name: string): string | undefined {
  const words = name.split(/[_.-]+/).map((w) => w.toLowerCase()).filter(Boolean);
  if (words.some((w) => NOT_SECRET.has(w))) return undefined;
  const direct = words.find((w) => SECRET_WORDS.has(w));
  if (direct) return direct;
  // `KEY` right after a qualifier (`API_KEY`, `SECRET_ACCESS_KEY`), at the end of the name or before a word that
  // still means the key's content: `PRIVATE_KEY_ROTATION_PERIOD` or `TELEMETRY_KEY` are settings, not secrets.
  const k = words.lastIndexOf('key');
  const qualifier = k > 0 ? words[k - 1]! : undefined;
  const tail = words.slice(k + 1);
  if (!qualifier || !SECRET_KEY_QUALIFIERS.has(qualifier) || !tail.every((w) => KEY_SUFFIXES.has(w))) return undefined;
  return `${qualifier}_key`;
}

type Found = (instr: Instr, name: string, word: string, range: Range) => void;

/**
 * Calls `found` for each name `instr` declares that `secretWordOf` calls secret. ARG declarations are read with the
 * file's escape character: the model reads them so, and the declaration cache keeps one reading per instruction.
 */
function findSecrets(instr: Instr, model: DockerfileModel, secretWordOf: (name: string) => string | undefined, found: Found): void {
  if (instr.keyword === 'ARG') {
    for (const d of argDeclsOf(instr, model.escapeChar)) {
      const word = secretWordOf(d.name);
      if (word) found(instr, d.name, word, d.nameRange);
    }
    return;
  }
  if (instr.keyword !== 'ENV') return;
  // `ENV a=b c=d` declares each `name=`; the legacy `ENV name value` declares the first word only.
  const first = instr.args[0];
  if (!first) return;
  if (!first.value.includes('=')) {
    const word = secretWordOf(first.value);
    if (word) found(instr, first.value, word, first.range);
    return;
  }
  for (const token of instr.args) {
    const m = DECLARED_NAME.exec(token.value);
    if (!m) continue;
    const name = m[1]!;
    const word = secretWordOf(name);
    if (word) found(instr, name, word, partRange(model.document, token.range, token.value, 0, name.length));
  }
}

const DECLARED_NAME = /^([A-Za-z_][A-Za-z0-9_.-]*)=/;

export default defineRule({
  id: 'no-secrets-in-arg-env',
  meta: {
    category: 'security',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'none',
    since: '0.1.0',
    stability: 'stable',
    sources: [
      { tool: 'buildkit', id: 'SecretsUsedInArgOrEnv', relation: 'same' },
      { tool: 'hadolint', id: 'DL3064', relation: 'same' },
    ],
    messages: {
      secret:
        "'{{name}}' looks like a secret ('{{word}}'): {{keyword}} values are kept in the image metadata and build history; mount it with 'RUN --mount=type=secret' instead",
    },
    docs: {
      summary: 'ARG and ENV names that look like secrets (password, token, API key, …)',
      rationale:
        'Every `ENV` value is stored in the image configuration, and `ARG` values end up in the build history ' +
        '(`docker history`) and in the provenance of every `RUN` that uses them: anyone who can pull the image ' +
        'can read them, also from a builder stage whose layers are cached or pushed. Pass secrets with ' +
        '`RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci` (`docker build --secret id=npm_token`), ' +
        'which exposes them to that one command only.\n\n' +
        'Names are split at `_`, `-` and `.`, and a word such as `password`, `passwd`, `secret`, `token`, ' +
        '`apikey` or `credentials` flags the name; `key` only counts next to `api`, `private`, `secret`, ' +
        '`access`, `client`, `ssh`… Names that describe a secret rather than hold it are not flagged: they ' +
        'contain `file`, `path`, `url`, `name`, `id`, `version`, `public`, `gpg` and similar words ' +
        '(`POSTGRES_PASSWORD_FILE`, `GPG_KEY`, `TOKEN_URL`).',
      examples: {
        invalid: ['FROM scratch\nARG AWS_SECRET_ACCESS_KEY\n', 'FROM node:20\nENV NPM_TOKEN=abc123\n'],
        valid: ['FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password\n', 'FROM python:3.12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n'],
      },
    },
  },
  check({ model, report }) {
    // The same names come back in every stage (`VERSION`, `PATH`): judge each once.
    const verdicts = new Map<string, string | undefined>();
    const secretWordOf = (name: string) => {
      if (verdicts.has(name)) return verdicts.get(name);
      const word = secretWordIn(name);
      verdicts.set(name, word);
      return word;
    };
    const found: Found = (instr, name, word, range) => report({ messageId: 'secret', data: { name, word, keyword: instr.keyword }, range });
    for (const instr of model.instructions) {
      findSecrets(instr, model, secretWordOf, found);
      if (instr.trigger) findSecrets(instr.trigger, model, secretWordOf, found);
    }
  },
});
