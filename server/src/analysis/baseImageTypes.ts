/**
 * Vocabulary of the curated base-image facts (see `baseImages.ts` for the entry point and the
 * meaning of each field). Kept apart so the data tables and the query module share one set of types.
 */
import type { TagInfo } from './imageTag';

/** Three-valued answer: rules act on 'yes'/'no' only and stay silent on 'unknown'. */
export type Tri = 'yes' | 'no' | 'unknown';

/**
 * Operating-system family of the image's root filesystem.
 * - `rhel`: Red Hat UBI, Fedora, CentOS, Rocky, Alma, Oracle Linux, Amazon Linux (RPM + glibc).
 * - `wolfi`: Wolfi and the Chainguard images built on it (cgr.dev/chainguard/*).
 * - `azurelinux`: Azure Linux / CBL-Mariner (Microsoft's RPM distro, tdnf).
 * - `suse`: openSUSE and SUSE BCI.
 */
export type ImageFamily =
  | 'debian'
  | 'ubuntu'
  | 'alpine'
  | 'distroless'
  | 'scratch'
  | 'windows'
  | 'rhel'
  | 'suse'
  | 'azurelinux'
  | 'wolfi'
  | 'busybox'
  | 'unknown';

/** C library binaries in the image link against; `none` = no libc at all (scratch, distroless/static). */
export type Libc = 'glibc' | 'musl' | 'none' | 'unknown';

/**
 * `sdk`: an image meant for building (it carries a compiler toolchain) that has a smaller sibling to
 * ship instead — golang, rust, maven, gradle, gcc, JDKs, dotnet/sdk, and the buildpack-deps based
 * "full" node/python/ruby images.
 * `runtime`: an image meant to be shipped: JREs, dotnet aspnet/runtime, `-slim`/`-alpine` language
 * images, distroless, servers (nginx, postgres, php, …) and plain OS images (debian, alpine, ubuntu carry
 * no toolchain).
 */
export type ImageVariant = 'sdk' | 'runtime' | 'unknown';

export type PackageManager =
  | 'apt'
  | 'apk'
  | 'dnf'
  | 'microdnf'
  | 'yum'
  | 'tdnf'
  | 'zypper'
  | 'none'
  | 'unknown';

export type LanguageName = 'python' | 'node' | 'go' | 'java' | 'dotnet' | 'ruby' | 'php' | 'rust';

/**
 * The image's primary language runtime. `none`: the image ships no language runtime (OS images,
 * distroless static/base/cc); `unknown`: not curated. Full (buildpack-deps based) images may carry
 * other interpreters as OS packages; only the primary one is reported.
 */
export interface LanguageRuntime {
  readonly name: LanguageName | 'none' | 'unknown';
  /** As precise as the tag says: `3.11`, `3` (major only), `21.0.2_13`; undefined when the tag does not say. */
  readonly version?: string;
}

/** Command-line tools present in the image's default PATH. A busybox applet counts as present. */
export interface ToolAvailability {
  readonly curl: Tri;
  readonly wget: Tri;
  readonly sh: Tri;
  readonly bash: Tri;
  readonly busybox: Tri;
}

export interface ImageFacts {
  /** False when the image is not in the curated table: every other field is then 'unknown'/empty. */
  readonly known: boolean;
  /** Canonical repository: `node`, `mcr.microsoft.com/dotnet/sdk`, `gcr.io/distroless/static-debian12`. */
  readonly repository: string;
  readonly family: ImageFamily;
  /** Distribution release when the tag pins it: `bookworm`, `noble`, `3.19`, `ltsc2022`, `ubi9`. */
  readonly osRelease: string | undefined;
  readonly libc: Libc;
  readonly variant: ImageVariant;
  readonly language: LanguageRuntime;
  /**
   * Named users the image ships besides root (`node`, `nonroot`, `www-data`, `nobody`, …).
   * Numeric UIDs always work and are not listed.
   */
  readonly users: readonly string[];
  /** True when `users` is the image's whole passwd file, so a missing name really is missing. */
  readonly usersComplete: boolean;
  /** The user the image runs as when no USER is set (`root`, `nonroot`, `jenkins`); undefined when unsure. */
  readonly defaultUser: string | undefined;
  readonly tools: ToolAvailability;
  readonly packageManager: PackageManager;
  /** For `sdk` images: the matching image to ship instead, keeping version and distro when known. */
  readonly runtimeAlternative: string | undefined;
}

/** Facts without the identity fields: what a table entry produces. */
export type ImageDraft = Omit<ImageFacts, 'known' | 'repository'>;

/**
 * One row of the curated table: the canonical repositories it answers for (or a pattern over them)
 * and a function from the parsed tag to the facts. `describe` returns undefined for a tag that uses a
 * convention the row does not know, which makes the image unknown.
 */
export interface ImageTableEntry {
  readonly match: readonly string[] | RegExp;
  describe(tag: TagInfo, repository: string): ImageDraft | undefined;
}
