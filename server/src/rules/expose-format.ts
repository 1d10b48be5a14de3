import { wordValue } from '../analysis/wordValue';
import { defineRule } from '../engine/defineRule';
import { replace } from '../engine/fixes';

interface PortSpec {
  readonly hostPart: string | undefined;
  readonly port: string;
  readonly proto: string | undefined;
}

/** `[ip:][hostPort:]containerPort[/proto]`, split the way BuildKit's EXPOSE parser does. */
function parsePortSpec(raw: string): PortSpec {
  const parts = raw.split(':');
  const container = parts[parts.length - 1]!;
  const hostPart = parts.length > 1 ? parts.slice(0, -1).join(':') : undefined;
  const slash = container.indexOf('/');
  if (slash < 0) return { hostPart, port: container, proto: undefined };
  const proto = container.slice(slash + 1);
  return { hostPart, port: container.slice(0, slash), proto: proto === '' ? undefined : proto };
}

/** A port or a `start-end` range of ports, each 0–65535, start ≤ end. */
function isPortOrRange(port: string): boolean {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(port);
  if (!m) return false;
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  return start <= 65535 && end <= 65535 && start <= end;
}

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);
const PLAIN_PORT = /^\d{1,5}$/;

export default defineRule({
  id: 'expose-format',
  meta: {
    category: 'correctness',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'safe',
    since: '0.1.0',
    stability: 'stable',
    sources: [
      { tool: 'buildkit', id: 'ExposeInvalidFormat', relation: 'same' },
      { tool: 'buildkit', id: 'ExposeProtoCasing', relation: 'same' },
      { tool: 'hadolint', id: 'DL3011', relation: 'inspired' },
    ],
    messages: {
      mapping: "EXPOSE '{{spec}}' has an IP address or host port, which EXPOSE ignores (and BuildKit will reject); publish ports with 'docker run -p'",
      protoCasing: "Protocol in EXPOSE '{{spec}}' should be lower-case",
      badProto: "EXPOSE '{{spec}}': '{{proto}}' is not a protocol (tcp, udp or sctp), so the build fails",
      badPort: "EXPOSE '{{spec}}': '{{port}}' is not a port or port range between 0 and 65535, so the build fails",
      keepPort: "Keep only '{{fixed}}'",
      lower: "Write '{{fixed}}'",
    },
    docs: {
      summary: 'EXPOSE values are ports or port ranges with an optional lower-case protocol',
      rationale:
        '`EXPOSE` documents which ports the container listens on; it publishes nothing. An IP address or a ' +
        'host port (`EXPOSE 127.0.0.1:80:80`, `EXPOSE 8080:80`) is ignored today and will become an error in ' +
        'BuildKit; a protocol other than tcp/udp/sctp or a port outside 0–65535 fails the build now. Protocols ' +
        'are conventionally lower-case (`80/tcp`). Values built from variables are checked when their value is ' +
        'known.',
      fixSafety:
        'Lower-casing the protocol, or dropping the IP/host part BuildKit ignores, leaves the exposed ports of ' +
        'the image unchanged.',
      examples: {
        invalid: ['FROM alpine:3.20\nEXPOSE 80/TCP\n', 'FROM alpine:3.20\nEXPOSE 127.0.0.1:80:80\n'],
        valid: ['FROM alpine:3.20\nEXPOSE 80 443/tcp 53/udp 8000-8010\n'],
      },
    },
  },
  check({ model, report }) {
    for (const top of model.instructions) {
      const instr = top.trigger ?? top;
      if (instr.keyword !== 'EXPOSE') continue;
      for (const token of instr.args) {
        if (token.value === model.escapeChar) continue;
        // The usual `EXPOSE 8080`: a valid port without variables, quotes or protocol has nothing to report.
        if (PLAIN_PORT.test(token.value) && Number(token.value) <= 65535) continue;
        const word = wordValue(model, token.value, instr);
        if (!word.known) continue;
        const literal = !word.hasVariables && token.value === word.value;
        // One port per word; an ARG may hold several (`ARG PORTS="80 443"`).
        for (const spec of word.value.split(/\s+/).filter(Boolean)) {
          // Quotes left after expansion come from an ARG default the model could not split exactly.
          if (/["']/.test(spec)) continue;
          const parsed = parsePortSpec(spec);
          const data = { spec };
          if (!isPortOrRange(parsed.port)) {
            report({ messageId: 'badPort', data: { ...data, port: parsed.port }, range: token.range });
            continue;
          }
          const lowerProto = parsed.proto?.toLowerCase();
          if (lowerProto !== undefined && !PROTOCOLS.has(lowerProto)) {
            report({ messageId: 'badProto', data: { ...data, proto: parsed.proto! }, range: token.range });
            continue;
          }
          const fixed = parsed.port + (parsed.proto ? `/${lowerProto}` : '');
          if (parsed.hostPart !== undefined) {
            report({
              messageId: 'mapping', data, range: token.range,
              fixes: literal ? [{ messageId: 'keepPort', data: { fixed }, safety: 'safe', edits: [replace(token.range, fixed)] }] : [],
            });
          } else if (parsed.proto !== undefined && parsed.proto !== lowerProto) {
            report({
              messageId: 'protoCasing', data, range: token.range,
              fixes: literal ? [{ messageId: 'lower', data: { fixed }, safety: 'safe', edits: [replace(token.range, fixed)] }] : [],
            });
          }
        }
      }
    }
  },
});
