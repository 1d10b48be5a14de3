/**
 * Base-image facts: what a `FROM <image>` brings into a stage — OS family, libc, SDK or runtime
 * variant, language runtime and version, the users and tools it ships, its package manager, and for
 * SDK images the runtime image to ship instead.
 *
 * The answers come from a small curated table (baseImageTable*.ts) covering the official images
 * people actually build on; each table file says which Dockerfiles the facts were read from. Anything
 * else — private images, unknown tag conventions, references with unresolved variables — is
 * `known: false` with every field 'unknown'/empty, and rules stay silent on it. Inside a known image,
 * every fact the table is not sure of is 'unknown' too: precision over recall.
 *
 * A digest without a tag (`node@sha256:…`) could be any variant of the repository, so it yields only
 * the facts every curated variant of that repository shares.
 */
import { scratchLayer, UNKNOWN_TOOLS } from './baseImageOs';
import { tableEntryFor } from './baseImageTable';
import type { ImageDraft, ImageFacts, ImageTableEntry, ToolAvailability, Tri } from './baseImageTypes';
import { parseImageReference } from './imageRef';
import { parseTag } from './imageTag';

export type {
  ImageFacts, ImageFamily, ImageVariant, LanguageName, LanguageRuntime, Libc, PackageManager, ToolAvailability, Tri,
} from './baseImageTypes';
export { KNOWN_OFFICIAL_IMAGES } from './officialImages';

export interface ImageRefParts {
  /** Registry host (with port); absent for Docker Hub. */
  readonly registry?: string;
  /** Repository path, lower-cased, without Docker Hub's `library/` (`node`, `dotnet/sdk`, `gcr.io/…` goes to registry). */
  readonly name: string;
  readonly tag?: string;
  readonly digest?: string;
}

/**
 * Canonical splitting of `host:port/ns/name:tag@sha256:…` (Docker's reference grammar: the first path
 * component is a registry only when it contains `.` or `:` or is `localhost`). Quotes are dropped, as
 * the Dockerfile word parser drops them. Undefined for an empty or malformed reference.
 */
export function parseImageRef(text: string): ImageRefParts | undefined {
  const cleaned = text.trim().replace(/["']/g, '');
  if (cleaned === '' || /\s/.test(cleaned)) return undefined;
  const ref = parseImageReference(cleaned);
  if (ref.name === '' || ref.name.endsWith('/') || ref.tag === '' || ref.digest === '') return undefined;
  return {
    ...(ref.registry !== undefined ? { registry: ref.registry.toLowerCase() } : {}),
    name: ref.name,
    ...(ref.tag !== undefined ? { tag: ref.tag } : {}),
    ...(ref.digest !== undefined ? { digest: ref.digest } : {}),
  };
}

const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** Docker Hub's per-architecture copies of the official images (`amd64/debian`, `arm64v8/alpine`). */
const ARCH_NAMESPACES = new Set([
  'amd64', 'arm32v5', 'arm32v6', 'arm32v7', 'arm64v8', 'i386', 'ppc64le', 's390x', 'riscv64', 'mips64le', 'windows-amd64',
]);

/**
 * Canonical lower-case repository used for table lookups: Docker Hub official images lose `docker.io/`,
 * `library/` and architecture namespaces (`node`); mirrors of the official images
 * (`public.ecr.aws/docker/library/node`, `mirror.gcr.io/node`) map to the same key; other registries
 * keep their host (`mcr.microsoft.com/dotnet/sdk`, `gcr.io/distroless/static-debian12`).
 */
export function repositoryKey(ref: Pick<ImageRefParts, 'registry' | 'name'>): string {
  const name = ref.name.toLowerCase();
  const registry = ref.registry?.toLowerCase();
  if (registry === undefined || DOCKER_HUB_HOSTS.has(registry) || registry === 'mirror.gcr.io') return hubKey(name);
  if (registry === 'public.ecr.aws' && name.startsWith('docker/library/')) return hubKey(name.slice('docker/library/'.length));
  return `${registry}/${name}`;
}

function hubKey(path: string): string {
  const name = path.replace(/^library\//, '');
  const slash = name.indexOf('/');
  if (slash > 0 && ARCH_NAMESPACES.has(name.slice(0, slash)) && !name.slice(slash + 1).includes('/')) {
    return name.slice(slash + 1).replace(/^library\//, '');
  }
  return name;
}

/** Facts for an image reference (`name` may also carry the registry: `mcr.microsoft.com/dotnet/sdk`). */
export function describeImage(ref: { readonly registry?: string; readonly name: string; readonly tag?: string; readonly digest?: string }): ImageFacts {
  let registry = ref.registry;
  let name = ref.name;
  let tag = ref.tag;
  if (registry === undefined) {
    const inner = parseImageReference(name);
    registry = inner.registry;
    name = inner.name;
    tag ??= inner.tag;
  }
  const repository = repositoryKey({ registry, name });
  if (name === '' || repository.includes('$') || tag?.includes('$') === true) return unknownImage(repository);
  if (repository === 'scratch' && registry === undefined) return { known: true, repository, ...scratchLayer() };
  const entry = tableEntryFor(repository);
  if (entry === undefined) return unknownImage(repository);
  if (tag === undefined && ref.digest !== undefined) return describeAnyTag(entry, repository);
  const draft = entry.describe(parseTag(tag), repository);
  return draft === undefined ? unknownImage(repository) : { known: true, repository, ...draft };
}

/** `describeImage` for reference text as written after ARG expansion (`python:3.12-slim`). */
export function describeImageText(text: string): ImageFacts {
  const ref = parseImageRef(text);
  return ref === undefined ? unknownImage(text.trim().toLowerCase()) : describeImage(ref);
}

/**
 * Whether `user` (a USER value's user part) exists in the image: numeric UIDs always work (no passwd
 * entry needed), names are looked up in the curated users ('no' only when the passwd is fully known).
 */
export function imageHasUser(facts: ImageFacts, user: string): Tri {
  const name = user.split(':')[0] ?? '';
  if (/^\d+$/.test(name)) return 'yes';
  if (!facts.known || name === '' || name.includes('$')) return 'unknown';
  if (name === 'root') return facts.family === 'scratch' ? 'unknown' : 'yes';
  const windows = facts.family === 'windows';
  const same = (known: string): boolean => (windows ? known.toLowerCase() === name.toLowerCase() : known === name);
  if (facts.users.some(same)) return 'yes';
  return facts.usersComplete ? 'no' : 'unknown';
}

function unknownImage(repository: string): ImageFacts {
  return {
    known: false, repository, family: 'unknown', osRelease: undefined, libc: 'unknown', variant: 'unknown',
    language: { name: 'unknown' }, users: [], usersComplete: false, defaultUser: undefined, tools: UNKNOWN_TOOLS,
    packageManager: 'unknown', runtimeAlternative: undefined,
  };
}

/** Variant and version tags tried for a digest-only reference; each row ignores the ones it does not know. */
const PROBE_VARIANTS = [
  '', 'slim', 'alpine', 'alpine-slim', 'bookworm', 'bookworm-slim', 'slim-bookworm', 'jammy', 'noble', 'noble-chiseled',
  'nonroot', 'debug', 'debug-nonroot', 'dev', 'jre', 'jdk', 'jre-alpine', 'ubi9-minimal', 'windowsservercore',
  'nanoserver', 'windowsservercore-ltsc2022', 'nanoserver-ltsc2022', 'debian', 'oracle', 'cli', 'dind', 'dind-rootless',
  'apache', 'fpm', 'fpm-alpine', 'zts', 'builder', 'perl', 'otel', 'alpine-otel', 'headless', 'al2023', 'curl', 'scm',
  'musl', 'glibc', 'uclibc', 'ubi', 'rhel', 'management', 'onbuild', 'aot', 'azurelinux3.0', 'azurelinux3.0-distroless',
  'minimal', 'micro',
];
const PROBE_VERSIONS = ['', '1.17', '2.3', '3', '5.7', '6.0', '7', '8', '8.0', '10.0', '11', '17', '22.04'];

function describeAnyTag(entry: ImageTableEntry, repository: string): ImageFacts {
  const drafts: ImageDraft[] = [];
  for (const version of PROBE_VERSIONS) {
    for (const variant of PROBE_VARIANTS) {
      const draft = entry.describe(parseTag([version, variant].filter((part) => part !== '').join('-') || undefined), repository);
      if (draft !== undefined) drafts.push(draft);
    }
  }
  const first = drafts[0];
  if (first === undefined) return unknownImage(repository);
  const shared = <T>(get: (draft: ImageDraft) => T): T | undefined => (drafts.every((d) => get(d) === get(first)) ? get(first) : undefined);
  const tool = (name: keyof ToolAvailability): Tri => shared((d) => d.tools[name]) ?? 'unknown';
  const version = shared((d) => d.language.version);
  return {
    known: true,
    repository,
    family: shared((d) => d.family) ?? 'unknown',
    osRelease: shared((d) => d.osRelease),
    libc: shared((d) => d.libc) ?? 'unknown',
    variant: shared((d) => d.variant) ?? 'unknown',
    language: { name: shared((d) => d.language.name) ?? 'unknown', ...(version !== undefined ? { version } : {}) },
    users: first.users.filter((user) => drafts.every((d) => d.users.includes(user))),
    usersComplete: false,
    defaultUser: shared((d) => d.defaultUser),
    tools: { curl: tool('curl'), wget: tool('wget'), sh: tool('sh'), bash: tool('bash'), busybox: tool('busybox') },
    packageManager: shared((d) => d.packageManager) ?? 'unknown',
    runtimeAlternative: undefined,
  };
}
