import { describe, expect, it } from 'vitest';
import {
  DIRECTIVE_NAMES,
  INSTRUCTION_KEYWORDS,
  MOUNT_TYPES,
  directiveDoc,
  flagDoc,
  flagValueDoc,
  flagsOf,
  instructionDoc,
  mountKeysOf,
  mountOptionDoc,
  mountTypeDoc,
  type ReferenceDoc,
} from '../../server/src/features/instructionDocs';
import { referenceAnchor } from '../../server/src/features/referenceDoc';

const INSTRUCTIONS = [
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT',
  'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
];

/** Every flag of the current frontend (docker/dockerfile:1), with the minimum syntax version where it matters. */
const FLAGS: { keyword: string; flag: string; since?: string }[] = [
  { keyword: 'FROM', flag: 'platform' },
  { keyword: 'RUN', flag: 'mount', since: '1.2' },
  { keyword: 'RUN', flag: 'network', since: '1.3' },
  { keyword: 'RUN', flag: 'security', since: '1.20' },
  { keyword: 'RUN', flag: 'device', since: '1.27' },
  { keyword: 'COPY', flag: 'from' },
  { keyword: 'COPY', flag: 'chown' },
  { keyword: 'COPY', flag: 'chmod', since: '1.2' },
  { keyword: 'COPY', flag: 'link', since: '1.4' },
  { keyword: 'COPY', flag: 'parents', since: '1.20' },
  { keyword: 'COPY', flag: 'exclude', since: '1.19' },
  { keyword: 'ADD', flag: 'keep-git-dir', since: '1.1' },
  { keyword: 'ADD', flag: 'checksum', since: '1.6' },
  { keyword: 'ADD', flag: 'chown' },
  { keyword: 'ADD', flag: 'chmod', since: '1.2' },
  { keyword: 'ADD', flag: 'link', since: '1.4' },
  { keyword: 'ADD', flag: 'unpack', since: '1.17' },
  { keyword: 'ADD', flag: 'exclude', since: '1.19' },
  { keyword: 'HEALTHCHECK', flag: 'interval' },
  { keyword: 'HEALTHCHECK', flag: 'timeout' },
  { keyword: 'HEALTHCHECK', flag: 'start-period' },
  { keyword: 'HEALTHCHECK', flag: 'start-interval', since: '1.6' },
  { keyword: 'HEALTHCHECK', flag: 'retries' },
];

/** Keys BuildKit accepts per mount type (aliases included), from its mount parser and the reference tables. */
const MOUNT_KEYS: Record<string, string[]> = {
  bind: ['type', 'target', 'dst', 'destination', 'source', 'src', 'from', 'readonly', 'ro', 'readwrite', 'rw'],
  cache: ['type', 'id', 'target', 'dst', 'destination', 'source', 'src', 'from', 'readonly', 'ro', 'readwrite', 'rw', 'sharing', 'mode', 'uid', 'gid'],
  tmpfs: ['type', 'target', 'dst', 'destination', 'size'],
  secret: ['type', 'id', 'target', 'dst', 'destination', 'env', 'required', 'mode', 'uid', 'gid'],
  ssh: ['type', 'id', 'target', 'dst', 'destination', 'required', 'mode', 'uid', 'gid'],
};

/** Section anchors of the Dockerfile reference (its headings, as its own cross-links spell them). */
const REFERENCE_ANCHORS = new Set([
  'from', 'run', 'run---device', 'run---mount', 'run---mounttypebind', 'run---mounttypecache', 'run---mounttypetmpfs',
  'run---mounttypesecret', 'run---mounttypessh', 'run---network', 'run---networkdefault', 'run---networknone',
  'run---networkhost', 'run---security', 'cmd', 'label', 'maintainer-deprecated', 'expose', 'env', 'add',
  'add---keep-git-dir', 'add---checksum', 'add---chmod', 'add---chown', 'add---link', 'add---unpack', 'add---exclude',
  'copy', 'copy---from', 'copy---chmod', 'copy---chown', 'copy---link', 'copy---parents', 'copy---exclude',
  'entrypoint', 'volume', 'user', 'workdir', 'arg', 'onbuild', 'stopsignal', 'healthcheck', 'shell',
  'syntax', 'escape', 'check',
]);

function allDocs(): ReferenceDoc[] {
  const docs: (ReferenceDoc | undefined)[] = [
    ...INSTRUCTIONS.map(instructionDoc),
    ...FLAGS.map((f) => flagDoc(f.keyword, f.flag)),
    ...MOUNT_TYPES.map(mountTypeDoc),
    ...Object.entries(MOUNT_KEYS).flatMap(([type, keys]) => keys.map((k) => mountOptionDoc(type, k))),
    ...['default', 'none', 'host'].map((v) => flagValueDoc('RUN', 'network', v)),
    ...['sandbox', 'insecure'].map((v) => flagValueDoc('RUN', 'security', v)),
    ...DIRECTIVE_NAMES.map(directiveDoc),
  ];
  expect(docs.every((d) => d !== undefined)).toBe(true);
  return [...new Set(docs as ReferenceDoc[])];
}

/** Paragraphs outside fenced code blocks. */
function proseParagraphs(markdown: string): string[] {
  return markdown
    .replace(/```[a-z]*\n[\s\S]*?\n```/g, '')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

describe('instructionDoc', () => {
  it('lists exactly the instructions of the current syntax', () => {
    expect([...INSTRUCTION_KEYWORDS].sort()).toEqual([...INSTRUCTIONS].sort());
  });

  it.each(INSTRUCTIONS)('documents %s with summary, syntax and a reference link', (keyword) => {
    const doc = instructionDoc(keyword);
    expect(doc).toBeDefined();
    expect(doc!.summary.length).toBeGreaterThan(20);
    expect(doc!.markdown.startsWith(`**\`${keyword}\`**`)).toBe(true);
    expect(doc!.syntax.length).toBeGreaterThan(0);
    for (const line of doc!.syntax) expect(line.startsWith(keyword)).toBe(true);
    expect(doc!.link).toMatch(/^https:\/\/docs\.docker\.com\/reference\/dockerfile\/#[a-z0-9-]+$/);
  });

  it('is case-insensitive and returns the same object each time', () => {
    expect(instructionDoc('from')).toBe(instructionDoc('FROM'));
    expect(instructionDoc(' Copy ')).toBe(instructionDoc('COPY'));
  });

  it('returns undefined for unknown keywords', () => {
    for (const word of ['FOO', '', 'AS', 'FROMX', 'constructor', '__proto__', 'toString']) {
      expect(instructionDoc(word)).toBeUndefined();
    }
  });

  it('marks MAINTAINER as deprecated and points to LABEL', () => {
    const doc = instructionDoc('MAINTAINER')!;
    expect(doc.deprecated).toBe(true);
    expect(doc.markdown).toContain('(deprecated)');
    expect(doc.markdown).toContain('LABEL org.opencontainers.image.authors');
    expect(doc.link).toBe('https://docs.docker.com/reference/dockerfile/#maintainer-deprecated');
    expect(instructionDoc('USER')!.deprecated).toBe(false);
  });

  it('explains stages on FROM: AS names for COPY --from and --target, global ARGs', () => {
    const doc = instructionDoc('FROM')!;
    const md = doc.markdown;
    expect(doc.summary).toContain('new build stage');
    expect(md).toContain('`COPY --from=name`');
    expect(md).toContain('--target');
    expect(md).toContain('before the first `FROM`');
  });

  it('says a global ARG is visible only in FROM lines and must be re-declared in a stage', () => {
    const md = instructionDoc('ARG')!.markdown;
    expect(md).toContain('global and visible only in `FROM` lines');
    expect(md).toContain('`ARG NAME`');
  });

  it.each(['USER', 'WORKDIR', 'ENV'])('says %s carries through FROM but not through COPY --from', (keyword) => {
    expect(instructionDoc(keyword)!.markdown).toContain(
      'It carries into stages built `FROM` this one, but not into stages that only `COPY --from` it.',
    );
  });
});

describe('flagDoc', () => {
  it.each(FLAGS)('documents $keyword --$flag', ({ keyword, flag, since }) => {
    const doc = flagDoc(keyword, flag);
    expect(doc).toBeDefined();
    expect(doc!.title).toBe(`${keyword} --${flag}`);
    expect(doc!.since).toBe(since);
    if (since !== undefined) expect(doc!.markdown).toContain(`Dockerfile syntax ${since} or later`);
    for (const line of doc!.syntax) expect(line).toContain(`--${flag}`);
  });

  it('lists exactly the flags above for each instruction', () => {
    for (const keyword of INSTRUCTIONS) {
      const expected = FLAGS.filter((f) => f.keyword === keyword).map((f) => f.flag).sort();
      expect([...flagsOf(keyword)].sort(), keyword).toEqual(expected);
    }
  });

  it('accepts the flag with or without dashes, in any case', () => {
    const doc = flagDoc('COPY', 'from');
    expect(flagDoc('copy', '--from')).toBe(doc);
    expect(flagDoc('COPY', '--FROM')).toBe(doc);
  });

  it('keeps ADD and COPY flags apart', () => {
    expect(flagDoc('COPY', 'checksum')).toBeUndefined();
    expect(flagDoc('COPY', 'unpack')).toBeUndefined();
    expect(flagDoc('ADD', 'from')).toBeUndefined();
    expect(flagDoc('ADD', 'parents')).toBeUndefined();
    expect(flagDoc('ADD', 'chown')!.syntax[0]).toMatch(/^ADD --chown=/);
  });

  it('returns undefined for unknown flags and for instructions without flags', () => {
    expect(flagDoc('RUN', '--bogus')).toBeUndefined();
    expect(flagDoc('FOO', '--from')).toBeUndefined();
    expect(flagDoc('ONBUILD', '--from')).toBeUndefined();
    expect(flagDoc('USER', '--chown')).toBeUndefined();
    expect(flagDoc('RUN', '--constructor')).toBeUndefined();
    expect(flagsOf('CMD')).toEqual([]);
  });

  it('notes the labs history of flags that graduated', () => {
    expect(flagDoc('COPY', 'parents')!.markdown).toContain('1.7-labs');
    expect(flagDoc('COPY', 'exclude')!.markdown).toContain('1.7-labs');
    expect(flagDoc('RUN', 'security')!.markdown).toContain('labs');
    expect(flagDoc('RUN', 'security')!.markdown).toContain('security.insecure');
    expect(flagDoc('HEALTHCHECK', 'start-interval')!.markdown).toContain('Docker Engine 25.0');
  });

  it('explains COPY --from in stage terms', () => {
    const md = flagDoc('COPY', 'from')!.markdown;
    expect(md).toContain('`--from=0`');
    expect(md).toContain('not at its `WORKDIR`');
    expect(md).toContain('ONBUILD');
  });
});

describe('flagValueDoc', () => {
  it('documents RUN --network and --security values', () => {
    expect(flagValueDoc('RUN', '--network', 'none')!.link).toBe('https://docs.docker.com/reference/dockerfile/#run---networknone');
    expect(flagValueDoc('RUN', 'network', 'HOST')!.markdown).toContain('network.host');
    expect(flagValueDoc('RUN', 'security', 'insecure')!.markdown).toContain('--privileged');
    expect(flagValueDoc('RUN', 'network', 'bridge')).toBeUndefined();
    expect(flagValueDoc('COPY', 'from', 'build')).toBeUndefined();
  });
});

describe('mount docs', () => {
  it.each(MOUNT_TYPES)('documents --mount=type=%s', (type) => {
    const doc = mountTypeDoc(type)!;
    expect(doc.title).toBe(`RUN --mount=type=${type}`);
    expect(doc.link).toBe(`https://docs.docker.com/reference/dockerfile/#run---mounttype${type}`);
    expect(mountTypeDoc(type.toUpperCase())).toBe(doc);
  });

  it('treats a missing type as bind and rejects unknown types', () => {
    expect(mountTypeDoc(undefined)).toBe(mountTypeDoc('bind'));
    expect(mountTypeDoc('')).toBe(mountTypeDoc('bind'));
    expect(mountTypeDoc('volume')).toBeUndefined();
    expect(mountOptionDoc('nfs', 'target')).toBeUndefined();
  });

  it.each(Object.entries(MOUNT_KEYS))('documents every key of %s mounts', (type, keys) => {
    expect([...mountKeysOf(type)].sort()).toEqual([...keys].sort());
    for (const key of keys) expect(mountOptionDoc(type, key), `${type} ${key}`).toBeDefined();
  });

  it('resolves aliases to the canonical key', () => {
    expect(mountOptionDoc('cache', 'dst')).toBe(mountOptionDoc('cache', 'target'));
    expect(mountOptionDoc('cache', 'destination')).toBe(mountOptionDoc('cache', 'target'));
    expect(mountOptionDoc('bind', 'src')).toBe(mountOptionDoc('bind', 'source'));
    expect(mountOptionDoc('bind', 'ro')).toBe(mountOptionDoc('bind', 'readonly'));
    expect(mountOptionDoc('bind', 'RW')).toBe(mountOptionDoc('bind', 'readwrite'));
    expect(mountOptionDoc(undefined, 'from')).toBe(mountOptionDoc('bind', 'from'));
    expect(mountOptionDoc('secret', 'type')).toBe(mountTypeDoc('secret'));
  });

  it('rejects keys BuildKit refuses for the type', () => {
    expect(mountOptionDoc('cache', 'size')).toBeUndefined();
    expect(mountOptionDoc('bind', 'mode')).toBeUndefined();
    expect(mountOptionDoc('bind', 'uid')).toBeUndefined();
    expect(mountOptionDoc('tmpfs', 'from')).toBeUndefined();
    expect(mountOptionDoc('secret', 'sharing')).toBeUndefined();
    expect(mountOptionDoc('secret', 'from')).toBeUndefined();
    expect(mountOptionDoc('ssh', 'env')).toBeUndefined();
    expect(mountOptionDoc('bind', 'bogus')).toBeUndefined();
  });

  it('gives type-specific defaults and meanings', () => {
    expect(mountOptionDoc('cache', 'mode')!.summary).toContain('0755');
    expect(mountOptionDoc('secret', 'mode')!.summary).toContain('0400');
    expect(mountOptionDoc('ssh', 'mode')!.summary).toContain('0600');
    expect(mountOptionDoc('secret', 'target')!.markdown).toContain('/run/secrets/<id>');
    const sharing = mountOptionDoc('cache', 'sharing')!.markdown;
    for (const mode of ['`shared`', '`private`', '`locked`']) expect(sharing).toContain(mode);
    expect(mountOptionDoc('secret', 'env')!.since).toBe('1.10');
    expect(mountOptionDoc('bind', 'from')!.markdown).toContain('COPY --from');
    expect(mountOptionDoc('bind', 'target')!.markdown).toContain('WORKDIR');
  });
});

describe('directiveDoc', () => {
  it('documents the parser directives', () => {
    expect([...DIRECTIVE_NAMES].sort()).toEqual(['check', 'escape', 'syntax']);
    expect(directiveDoc('Syntax')!.link).toBe('https://docs.docker.com/reference/dockerfile/#syntax');
    expect(directiveDoc('check')!.since).toBe('1.8');
    expect(directiveDoc('shell')).toBeUndefined();
  });
});

describe('markdown format', () => {
  it('derives anchors the way the reference headings do', () => {
    expect(referenceAnchor('RUN --mount=type=cache')).toBe('run---mounttypecache');
    expect(referenceAnchor('COPY --from')).toBe('copy---from');
    expect(referenceAnchor('MAINTAINER (deprecated)')).toBe('maintainer-deprecated');
    expect(referenceAnchor('ADD --keep-git-dir')).toBe('add---keep-git-dir');
  });

  it('links every card to an existing section of the Dockerfile reference', () => {
    for (const doc of allDocs()) {
      const anchor = doc.link.replace('https://docs.docker.com/reference/dockerfile/#', '');
      expect(REFERENCE_ANCHORS.has(anchor), `${doc.title}: ${doc.link}`).toBe(true);
      expect(doc.markdown).toContain(`[Dockerfile reference](${doc.link})`);
    }
  });

  it('has no broken links, unbalanced code spans or fences, and stays short', () => {
    for (const doc of allDocs()) {
      const md = doc.markdown;
      const fences = md.match(/^```/gm) ?? [];
      expect(fences.length, doc.title).toBe(2);
      expect(md, doc.title).toContain('```dockerfile\n');
      // Every link is [text](https://…) with non-empty text and no whitespace in the target.
      const links = [...md.matchAll(/\[([^\]]*)\]\(([^)]*)\)/g)];
      expect(links.length, doc.title).toBeGreaterThanOrEqual(1);
      for (const [, text, target] of links) {
        expect(text, doc.title).not.toBe('');
        expect(target, doc.title).toMatch(/^https:\/\/\S+$/);
      }
      const prose = proseParagraphs(md);
      expect(prose.length, doc.title).toBeGreaterThanOrEqual(2);
      expect(prose.length, doc.title).toBeLessThanOrEqual(6);
      for (const paragraph of prose) {
        const withoutLinks = paragraph.replace(/\[[^\]]*\]\(https:\/\/[^)\s]*\)/g, '');
        expect(withoutLinks, `${doc.title}: stray link syntax`).not.toMatch(/\]\(|\[[^\]]*\]\s+\(/);
        expect((paragraph.match(/`/g) ?? []).length % 2, `${doc.title}: ${paragraph}`).toBe(0);
        const outsideCode = paragraph.replace(/`[^`]*`/g, '');
        // VS Code treats a bare <word> as HTML and drops it: placeholders belong in code spans.
        expect(outsideCode, `${doc.title}: ${paragraph}`).not.toContain('<');
        expect((outsideCode.match(/\*\*/g) ?? []).length % 2, `${doc.title}: ${paragraph}`).toBe(0);
      }
    }
  });

  it('keeps summaries to one plain sentence', () => {
    for (const doc of allDocs()) {
      expect(doc.summary, doc.title).toMatch(/^[A-Z].*\.$/);
      expect(doc.summary, doc.title).not.toMatch(/[`*[\]]/);
      expect(doc.summary.length, doc.title).toBeLessThanOrEqual(130);
    }
  });
});
