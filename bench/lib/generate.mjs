// A realistic, large multi-stage Dockerfile for the editor-latency benchmark: stages built FROM earlier ones,
// COPY --from between them, ARG/ENV scope, RUN scripts with continuations and package installs, cache mounts,
// a heredoc, and suppression comments — exactly `lines` lines long.
import { rng } from './random.mjs';

const BASES = ['debian:12-slim', 'ubuntu:24.04', 'alpine:3.20', 'python:3.12-slim', 'node:20-bookworm', 'golang:1.22'];

function stageBlock(r, index, previous) {
  const name = `stage${index}`;
  const from = previous && r.next() < 0.5 ? previous : r.pick(BASES);
  const alpine = from.startsWith('alpine');
  const out = [
    `# --- ${name} ---`,
    `FROM ${from} AS ${name}`,
    `ARG VERSION_${index}=1.${index}.0`,
    `ENV APP_HOME=/opt/app${index} \\`,
    `    PATH=/opt/app${index}/bin:$PATH`,
    `WORKDIR /opt/app${index}`,
  ];
  out.push(
    alpine
      ? `RUN apk add --no-cache curl ca-certificates git make \\\n    && adduser -D app${index}`
      : `RUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl ca-certificates git make \\\n    && rm -rf /var/lib/apt/lists/*`,
  );
  out.push(`COPY requirements-${index}.txt package-${index}.json ./`);
  if (previous) out.push(`COPY --from=${previous} /opt/app${index - 1}/bin/ /usr/local/bin/`);
  out.push(
    `RUN --mount=type=cache,target=/root/.cache/pip \\\n    pip install --no-cache-dir -r requirements-${index}.txt \\\n    && make -C src build VERSION=\${VERSION_${index}} \\\n    && echo "built ${name}"`,
  );
  if (index % 5 === 0) out.push(`# stagelint-ignore no-latest-tag -- pinned by the release job`);
  if (index % 7 === 0) out.push(`RUN <<EOF\nset -eux\necho "configure ${name}"\nmkdir -p /etc/app${index}\nEOF`);
  out.push(`LABEL org.opencontainers.image.title="${name}" version="\${VERSION_${index}}"`);
  out.push(`EXPOSE ${8000 + index}`);
  out.push(`USER 10${String(index).padStart(3, '0')}`);
  out.push('');
  return { name, text: out.join('\n') };
}

/** Deterministic; `lines` lines ending with a CMD in the final stage. */
export function generateDockerfile(lines = 2000, seed = 42) {
  const r = rng(seed);
  const blocks = ['# syntax=docker/dockerfile:1', 'ARG BASE_TAG=12', ''];
  let previous;
  let count = 3;
  for (let i = 0; count < lines - 40; i++) {
    const block = stageBlock(r, i, previous);
    blocks.push(block.text);
    count += block.text.split('\n').length;
    previous = block.name;
  }
  blocks.push(`FROM debian:\${BASE_TAG}-slim AS final`, `COPY --from=${previous} /opt /opt`);
  count += 2;
  while (count < lines - 1) {
    blocks.push(`RUN echo "step ${count}" >> /etc/steps`);
    count++;
  }
  blocks.push('CMD ["/opt/app/bin/start"]');
  return blocks.join('\n') + '\n';
}

/**
 * `count` single-character edits as a user types: each inserts one letter into a word of a RUN line (so the
 * file stays a valid Dockerfile), at a seeded position. Returns LSP content changes, each applying to the text
 * after the previous ones.
 */
export function typingEdits(text, count = 200, seed = 7) {
  const r = rng(seed);
  const lines = text.split('\n');
  const candidates = lines.map((l, i) => [l, i]).filter(([l]) => /^\s*(?:RUN|&&|pip|make|echo)/.test(l.trim()) || /^\s+&&/.test(l));
  const edits = [];
  for (let k = 0; k < count; k++) {
    const [, line] = r.pick(candidates);
    const current = lines[line];
    // Insert after a letter, inside a word: never next to a backslash or at the end of a continued line.
    const spots = [...current.matchAll(/[a-z]/g)].map((m) => m.index + 1).filter((i) => current[i] !== '\\' && i < current.length - 2);
    const at = spots.length ? r.pick(spots) : 0;
    const letter = String.fromCharCode(97 + r.int(26));
    lines[line] = current.slice(0, at) + letter + current.slice(at);
    edits.push({ range: { start: { line, character: at }, end: { line, character: at } }, text: letter });
  }
  return edits;
}
