/**
 * Shape and rendering of the short reference cards shown on hover for Dockerfile instructions, flags, mount
 * options and parser directives. The data lives in `*DocData.ts`; this module turns one record into hover
 * markdown with a link to the matching section of the official Dockerfile reference.
 */

const DOCKERFILE_REFERENCE_URL = 'https://docs.docker.com/reference/dockerfile/';

/** One hand-written record. Kept structured so tests can check every record the same way. */
export interface DocSource {
  /** Shown in code font at the top of the card, e.g. `COPY --link`. */
  readonly title: string;
  /** One plain-text sentence (no markdown), usable in completion details and lists. */
  readonly summary: string;
  /** One to three short markdown paragraphs. */
  readonly body: readonly string[];
  /** Syntax lines, shown in a `dockerfile` code block. */
  readonly syntax: readonly string[];
  /** Heading of the Dockerfile reference section; the link anchor is derived from it. */
  readonly section: string;
  /** Minimum stable `docker/dockerfile` syntax version, when the feature is newer than BuildKit's first frontends. */
  readonly since?: string;
  /** What else the feature needs or how its status changed (labs channel, entitlements, engine version). */
  readonly availability?: string;
  readonly deprecated?: boolean;
}

/** What hover, completion and the docs consume. */
export interface ReferenceDoc {
  readonly title: string;
  readonly summary: string;
  readonly markdown: string;
  readonly syntax: readonly string[];
  readonly link: string;
  readonly since?: string;
  readonly deprecated: boolean;
}

/**
 * The anchor docs.docker.com gives a heading (GitHub style: lower-case, punctuation other than `-` dropped,
 * spaces to `-`). Deriving anchors from the heading text keeps links right without a hand-kept anchor list.
 */
export function referenceAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

function referenceLink(section: string): string {
  return `${DOCKERFILE_REFERENCE_URL}#${referenceAnchor(section)}`;
}

function sinceLine(source: DocSource): string | undefined {
  if (source.since === undefined) return undefined;
  // `docker/dockerfile:1` always resolves to the newest 1.x frontend, so it is the simplest way to get a feature.
  return `Needs Dockerfile syntax ${source.since} or later (\`# syntax=docker/dockerfile:1\` always has it).`;
}

export function renderDoc(source: DocSource): ReferenceDoc {
  const link = referenceLink(source.section);
  const heading = `**\`${source.title}\`**${source.deprecated ? ' (deprecated)' : ''} — ${source.summary}`;
  const notes = [sinceLine(source), source.availability].filter((n): n is string => n !== undefined);
  const footer = [...(notes.length > 0 ? [`*${notes.join(' ')}*`] : []), `[Dockerfile reference](${link})`];
  const block = ['```dockerfile', ...source.syntax, '```'].join('\n');
  const markdown = [heading, ...source.body, block, ...footer].join('\n\n');
  return Object.freeze({
    title: source.title,
    summary: source.summary,
    markdown,
    syntax: Object.freeze([...source.syntax]),
    link,
    ...(source.since === undefined ? {} : { since: source.since }),
    deprecated: source.deprecated === true,
  });
}
