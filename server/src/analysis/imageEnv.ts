/**
 * Which environment variables a base image may define in its own `ENV`. BuildKit expands `$VAR` in COPY, ENV,
 * WORKDIR, … from the base image's configuration too (`node` sets `NODE_VERSION`, `nvidia/cuda` sets
 * `CUDA_VERSION`, every image has `PATH`), but it learns that by pulling the image; the linter does not. Rules
 * that call a variable undefined consult these predicates and stay silent when the image may define it.
 */
import type { Stage } from './model';
import { rootStage } from './finalImage';

/** Runtimes whose official images set `<NAME>_VERSION` / `<NAME>_HOME` in their ENV. */
const RUNTIME_PREFIXES = new Set(['java', 'node', 'python', 'golang', 'go', 'ruby', 'php', 'cuda', 'dotnet', 'aspnet', 'gradle', 'maven', 'nginx', 'jdk', 'jre']);

/** Variables (nearly) every Linux image or its login environment defines. */
const UBIQUITOUS = new Set(['PATH', 'HOME', 'LANG', 'LC_ALL']);

/**
 * A variable `image` (the root base image name, lower-cased) may well define: `PATH`, `HOME`, `LANG`, `LC_ALL`,
 * and `<PREFIX>_VERSION`/`_HOME`/`_MAJOR`/`_MINOR` names whose prefix names the image or a language runtime
 * (`CUDA_VERSION` in `nvidia/cuda`, `NODE_VERSION` in `node`, `JAVA_HOME`).
 */
export function imageMaySetVariable(name: string, image: string): boolean {
  if (UBIQUITOUS.has(name)) return true;
  const m = /^([A-Z][A-Z0-9]*)_(?:[A-Z0-9]+_)*(?:VERSION|HOME|MAJOR|MINOR)$/.exec(name);
  if (!m) return false;
  const prefix = m[1]!.toLowerCase();
  return image.includes(prefix) || RUNTIME_PREFIXES.has(prefix);
}

/** Other names official images are known to set (read from their Dockerfiles), beyond the patterns below. */
const IMAGE_SET = new Set([
  'LANGUAGE', 'TZ', 'TERM', 'USER', 'SHELL', 'HOSTNAME', 'PWD', 'GPG_KEY', 'GPG_KEYS', 'GOPATH', 'GOROOT', 'GOTOOLCHAIN',
  'GOFLAGS', 'GO111MODULE', 'GOOS', 'GOARCH', 'PGDATA', 'PHPIZE_DEPS', 'SSL_CERT_FILE', 'NVARCH', 'APP_UID',
  'DEBIAN_FRONTEND', 'VIRTUAL_ENV', 'CONDA_DIR', 'MAMBA_ROOT_PREFIX',
  // jenkins/jenkins, docker:dind, fedora, Red Hat UBI (lower-case `container=oci`).
  'REF', 'COPY_REFERENCE_FILE_LOG', 'DIND_COMMIT', 'DISTTAG', 'FGC', 'FBR', 'container',
]);

/**
 * Name shapes images use for their own configuration (`GEM_HOME`, `PKG_RELEASE`, `JSYAML_CHECKSUM`). Other names
 * official images set (`PHP_URL`, `ASPNETCORE_HTTP_PORTS`, `MAVEN_CONFIG`) carry a runtime prefix below.
 */
const IMAGE_SUFFIX = /_(?:VERSION|HOME|PATH|DIR|ROOT|PREFIX|MAJOR|MINOR|PATCH|RELEASE|SHA|SHA1|SHA256|SHA512|CHECKSUM|LIBDIR)$/;
const IMAGE_PREFIX = /^(?:NODE|NPM|YARN|PYTHON|PIP|POETRY|GO|CGO|JAVA|JDK|JRE|MAVEN|GRADLE|DOTNET|ASPNET|ASPNETCORE|NUGET|POWERSHELL|RUBY|GEM|BUNDLE|BUNDLER|PHP|COMPOSER|APACHE|RUST|RUSTUP|CARGO|NV|NVIDIA|CUDA|CUDNN|NCCL|TOMCAT|CATALINA|PG|POSTGRES|MYSQL|MARIADB|REDIS|NGINX|NJS|HTTPD|HAPROXY|ELIXIR|OTP|ERLANG|REBAR3|PERL|CONDA|MAMBA|LC|LD|SSL|OPENSSL|JSYAML|XDG|DOCKER|UV|JENKINS|GOSU|TINI)_/;

/**
 * A variable an image may define, judged by its name alone: everything `imageMaySetVariable` accepts for any
 * image, well-known names (`GOPATH`, `PGDATA`, `TZ`), configuration-shaped names (`*_VERSION`, `*_HOME`, `*_DIR`,
 * `*_SHA256`, …) and names of the tools and runtimes official images configure (`NODE_*`, `PYTHON*`, `JAVA_*`),
 * plus names that start with the image's own name. Used for variables nothing in the Dockerfile declares.
 */
export function imageMaySetName(name: string, image: string | undefined): boolean {
  if (UBIQUITOUS.has(name) || IMAGE_SET.has(name)) return true;
  if (IMAGE_SUFFIX.test(name) || IMAGE_PREFIX.test(name) || /^PYTHON/.test(name) || /^PHP/.test(name)) return true;
  if (image === undefined) return false;
  const own = (image.split('/').pop() ?? '').split(/[^a-z0-9]/)[0] ?? '';
  return own.length >= 2 && name.toLowerCase().startsWith(`${own}_`);
}

/** The external image at the root of `stage`'s FROM chain, lower-cased; undefined for scratch, a cycle or a missing base. */
export function rootImageName(stage: Stage): string | undefined {
  const root = rootStage(stage);
  if (root.base.kind !== 'image') return undefined;
  return (root.base.name ?? root.base.text).toLowerCase();
}
