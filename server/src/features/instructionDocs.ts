/**
 * Reference cards for hover (and completion details): Dockerfile instructions, their flags, `RUN --mount`
 * types and keys, flag values and parser directives. Lookups are case-insensitive and accept flags with or
 * without their leading dashes, because dockerfile-ast reports flag names without them.
 *
 * The text is our own rather than dockerfile-language-service's internal `dockerMarkdown` table: that table is
 * not part of the package's public API, covers only a handful of flags (no RUN flags, no mount options), links
 * to the retired `engine/reference/builder` pages and predates multi-stage wording ("FROM must be the first
 * instruction"). Patching it would have cost more than writing cards that say what carries between stages.
 */
import { FLAG_DOCS, FLAG_VALUE_DOCS } from './flagDocData';
import { DIRECTIVE_DOCS, INSTRUCTION_DOCS } from './instructionDocData';
import { MOUNT_KEY_ALIASES, MOUNT_OPTION_DOCS, MOUNT_TYPE_DOCS, MOUNT_TYPES, type MountType } from './mountDocData';
import { renderDoc, type DocSource, type ReferenceDoc } from './referenceDoc';
import { own } from '../analysis/ownKey';

export type { ReferenceDoc } from './referenceDoc';
export { MOUNT_TYPES, type MountType } from './mountDocData';

/** Every instruction of the current Dockerfile syntax, in the reference's order of presentation. */
export const INSTRUCTION_KEYWORDS: readonly string[] = Object.freeze(Object.keys(INSTRUCTION_DOCS));

export const DIRECTIVE_NAMES: readonly string[] = Object.freeze(Object.keys(DIRECTIVE_DOCS));

const rendered = new WeakMap<DocSource, ReferenceDoc>();

/** Renders once per record, so repeated hovers return the same frozen object. */
function render(source: DocSource | undefined): ReferenceDoc | undefined {
  if (source === undefined) return undefined;
  let doc = rendered.get(source);
  if (doc === undefined) {
    doc = renderDoc(source);
    rendered.set(source, doc);
  }
  return doc;
}

function normalizeFlag(flag: string): string {
  return flag.trim().replace(/^-+/, '').toLowerCase();
}

function normalizeMountType(type: string | undefined): MountType | undefined {
  // BuildKit lower-cases the type, and a mount without `type=` is a bind mount.
  const wanted = (type ?? '').trim().toLowerCase() || 'bind';
  return MOUNT_TYPES.find((t) => t === wanted);
}

export function instructionDoc(keyword: string): ReferenceDoc | undefined {
  return render(own(INSTRUCTION_DOCS, keyword.trim().toUpperCase()));
}

/**
 * Card for a flag of an instruction. For `ONBUILD COPY --from=…` pass the triggered instruction (`COPY`):
 * ONBUILD itself takes no flags.
 */
export function flagDoc(keyword: string, flag: string): ReferenceDoc | undefined {
  const flags = own(FLAG_DOCS, keyword.trim().toUpperCase());
  return flags === undefined ? undefined : render(own(flags, normalizeFlag(flag)));
}

/** Flag names (without dashes) an instruction accepts; empty for instructions without flags. */
export function flagsOf(keyword: string): readonly string[] {
  const flags = own(FLAG_DOCS, keyword.trim().toUpperCase());
  return flags === undefined ? [] : Object.keys(flags);
}

/** Card for one documented value of a value-typed flag, e.g. `none` in `RUN --network=none` (mount values: mountOptionDoc). */
export function flagValueDoc(keyword: string, flag: string, value: string): ReferenceDoc | undefined {
  const kw = keyword.trim().toUpperCase();
  const values = own(FLAG_VALUE_DOCS, `${kw} --${normalizeFlag(flag)}`);
  return values === undefined ? undefined : render(own(values, value.trim().toLowerCase()));
}

/** Card for a `RUN --mount` type; an empty or missing type means `bind`, as in BuildKit. */
export function mountTypeDoc(type: string | undefined): ReferenceDoc | undefined {
  const mountType = normalizeMountType(type);
  return mountType === undefined ? undefined : render(MOUNT_TYPE_DOCS[mountType]);
}

/**
 * Card for a key of a `RUN --mount` of the given type (aliases such as `dst` or `ro` included). Returns
 * undefined for keys BuildKit rejects or ignores for that type (e.g. `size` on a cache mount).
 */
export function mountOptionDoc(type: string | undefined, key: string): ReferenceDoc | undefined {
  const mountType = normalizeMountType(type);
  if (mountType === undefined) return undefined;
  const lowered = key.trim().toLowerCase();
  if (lowered === 'type') return render(MOUNT_TYPE_DOCS[mountType]);
  const canonical = own(MOUNT_KEY_ALIASES, lowered) ?? lowered;
  return render(own(MOUNT_OPTION_DOCS[mountType], canonical));
}

/** Keys a mount type accepts, aliases included, for completion and tests. */
export function mountKeysOf(type: string | undefined): readonly string[] {
  const mountType = normalizeMountType(type);
  if (mountType === undefined) return [];
  const keys = Object.keys(MOUNT_OPTION_DOCS[mountType]);
  const aliases = Object.entries(MOUNT_KEY_ALIASES)
    .filter(([, canonical]) => keys.includes(canonical))
    .map(([alias]) => alias);
  return ['type', ...keys, ...aliases];
}

/** Card for a parser directive (`syntax`, `escape`, `check`). */
export function directiveDoc(name: string): ReferenceDoc | undefined {
  return render(own(DIRECTIVE_DOCS, name.trim().toLowerCase()));
}
