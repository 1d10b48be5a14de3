/**
 * Splits an image reference `[registry[:port]/]path[:tag][@digest]` the way Docker's reference grammar does:
 * the first path component is a registry only when it contains `.` or `:` or is `localhost`.
 */
export interface ImageReference {
  readonly registry: string | undefined;
  /** Repository path without registry (`library/` prefix removed for Docker Hub). */
  readonly name: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

export function parseImageReference(text: string): ImageReference {
  let rest = text.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  if ((registry === undefined || registry === 'docker.io' || registry === 'index.docker.io') && rest.startsWith('library/')) {
    rest = rest.slice('library/'.length);
  }
  if (registry === 'docker.io' || registry === 'index.docker.io') registry = undefined;
  return { registry, name: rest.toLowerCase(), tag, digest };
}
