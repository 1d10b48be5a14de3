/**
 * Curated facts of official server/application images: mainly the users their Dockerfiles create and
 * the download tools they keep. Sources: nginxinc/docker-nginx (+ nginx-unprivileged), docker-library/
 * {httpd,postgres,redis,mysql,mongo,haproxy,tomcat,wordpress,docker,memcached,rabbitmq}, MariaDB/
 * mariadb-docker, jenkinsci/docker, caddyserver/caddy-docker, traefik/traefik-library-image,
 * curl/curl-container. Tools a Dockerfile installs only for the build and then purges are 'no'; where
 * later packages might pull them back in, 'unknown'.
 */
import type { ImageDraft, ImageTableEntry, ToolAvailability } from './baseImageTypes';
import {
  alpineLayer, asSdk, debianLayer, rpmLayer, ubuntuLayer, windowsLayer, withLanguage, withTools, withUsers,
} from './baseImageOs';
import { extrasWithin, majorMinor, majorOf, type TagInfo } from './imageTag';

interface ServerSpec {
  readonly users: readonly string[];
  readonly extras?: readonly string[];
  readonly defaultUser?: string;
  /** Overrides of the Debian layer's tools (curl/wget absent unless set). */
  readonly debianTools?: Partial<ToolAvailability>;
  readonly alpineTools?: Partial<ToolAvailability>;
}

/** A server image with a Debian default and `-alpine` variants. */
function debianOrAlpine(spec: ServerSpec): ImageTableEntry['describe'] {
  return (tag) => {
    if (tag.slim || !extrasWithin(tag, spec.extras ?? [])) return undefined;
    const os = tag.os;
    let base: ImageDraft;
    if (os === undefined || os.family === 'debian') base = withTools(debianLayer(os?.release), spec.debianTools ?? {});
    else if (os.family === 'alpine') base = withTools(alpineLayer(os.release), spec.alpineTools ?? {});
    else return undefined;
    base = withUsers(base, ...spec.users);
    return spec.defaultUser === undefined ? base : { ...base, defaultUser: spec.defaultUser };
  };
}

const UNKNOWN_DOWNLOADERS: Partial<ToolAvailability> = { curl: 'unknown', wget: 'unknown' };

/** Version as a comparable number (`2.4` → 204, `1.19.3` → 119); undefined without a version. */
function versionNumber(tag: TagInfo): number | undefined {
  if (tag.version === undefined) return undefined;
  const [major, minor = '0'] = majorMinor(tag.version).replace(/^v/, '').split('.');
  return Number(major) * 100 + Number(minor);
}

/** nginx: Debian or Alpine + user nginx (101); curl kept since 1.19 except in `alpine-slim`. */
function describeNginx(tag: TagInfo, repository: string): ImageDraft | undefined {
  if (!extrasWithin(tag, ['perl', 'otel'])) return undefined;
  const os = tag.os;
  const version = versionNumber(tag);
  const curl = os?.family === 'alpine' && tag.slim ? 'no' : version === undefined || version >= 119 ? 'yes' : 'unknown';
  let base: ImageDraft;
  if (os === undefined || os.family === 'debian') {
    if (tag.slim) return undefined;
    base = debianLayer(os?.release);
  } else if (os.family === 'alpine') base = alpineLayer(os.release);
  else return undefined;
  base = withUsers(withTools(base, { curl }), 'nginx');
  return repository === 'nginxinc/nginx-unprivileged' ? { ...base, defaultUser: 'nginx' } : base;
}

function describeMysql(tag: TagInfo): ImageDraft | undefined {
  if (tag.os !== undefined || tag.slim || !extrasWithin(tag, ['oracle', 'debian', 'innovation', 'oraclelinux8', 'oraclelinux9'])) return undefined;
  if (tag.extras.includes('debian')) return withUsers(withTools(debianLayer(undefined), UNKNOWN_DOWNLOADERS), 'mysql');
  // Oracle Linux slim: 5.7 on 7-slim (yum), 8.0+ on 8/9-slim (microdnf, curl used by the Dockerfile itself).
  const major = majorOf(tag.version);
  const old = major !== undefined && major < 8;
  return withUsers(withTools(rpmLayer(old ? 'yum' : 'microdnf', undefined), { curl: old ? 'unknown' : 'yes' }), 'mysql');
}

function describeJenkins(tag: TagInfo): ImageDraft | undefined {
  const jdk = tag.extras.find((token) => /^jdk\d+$/.test(token));
  if (!tag.extras.every((token) => token === jdk || token === 'rhel' || token === 'lts' || token === 'weekly')) return undefined;
  const os = tag.os;
  let base: ImageDraft;
  if (os === undefined || os.family === 'debian') base = withTools(debianLayer(os?.release), { curl: 'yes' });
  else if (os.family === 'alpine' && !tag.slim) base = withTools(alpineLayer(os.release), { curl: 'unknown' });
  else if (os.family === 'rhel' && !tag.slim) base = rpmLayer('unknown', os.release);
  else if (os.family === 'windows' && !tag.slim) return withLanguage(windowsLayer(os.edition, os.release), 'java', jdk?.slice(3));
  else return undefined;
  return withLanguage({ ...withUsers(base, 'jenkins'), defaultUser: 'jenkins' }, 'java', jdk?.slice(3));
}

function describeWordpress(tag: TagInfo): ImageDraft | undefined {
  const php = tag.extras.find((token) => /^php\d+\.\d+$/.test(token));
  if (tag.slim || !tag.extras.every((token) => token === php || ['apache', 'fpm', 'cli'].includes(token))) return undefined;
  const cli = tag.extras.includes('cli');
  const os = tag.os ?? (cli ? { family: 'alpine' as const, release: undefined } : undefined);
  let base: ImageDraft;
  if (os === undefined || os.family === 'debian') base = withTools(debianLayer(os?.release), { curl: 'yes', wget: 'unknown' });
  else if (os.family === 'alpine') base = withUsers(withTools(alpineLayer(os.release), { curl: 'yes' }), 'www-data');
  else return undefined;
  return withLanguage({ ...base, defaultUser: cli ? 'www-data' : 'root' }, 'php', php?.slice(3));
}

/** Alpine-based Go servers (caddy, traefik) with Windows variants. */
function alpineOrWindows(extras: readonly string[] = []): ImageTableEntry['describe'] {
  return (tag) => {
    if (tag.slim || !extrasWithin(tag, extras)) return undefined;
    const os = tag.os;
    if (os?.family === 'windows') return windowsLayer(os.edition, os.release);
    if (os !== undefined && os.family !== 'alpine') return undefined;
    return alpineLayer(os?.release);
  };
}

export const APP_IMAGES: readonly ImageTableEntry[] = [
  { match: ['nginx', 'nginxinc/nginx-unprivileged'], describe: describeNginx },
  // httpd: Debian's www-data; Alpine variant creates www-data (82).
  {
    match: ['httpd'],
    describe: (tag) => {
      const facts = debianOrAlpine({ users: [] })(tag, 'httpd');
      return facts?.family === 'alpine' ? withUsers(facts, 'www-data') : facts;
    },
  },
  { match: ['postgres'], describe: debianOrAlpine({ users: ['postgres'] }) },
  {
    match: ['redis'],
    describe: debianOrAlpine({ users: ['redis'], debianTools: UNKNOWN_DOWNLOADERS, alpineTools: { curl: 'unknown' } }),
  },
  { match: ['mysql'], describe: describeMysql },
  {
    match: ['mariadb'],
    describe: (tag) => {
      if (tag.slim || !extrasWithin(tag, ['ubi'])) return undefined;
      const os = tag.os;
      if (tag.extras.includes('ubi') || os?.family === 'rhel') return withUsers(rpmLayer('unknown', os?.release), 'mysql');
      if (os !== undefined && os.family !== 'ubuntu') return undefined;
      return withUsers(withTools(ubuntuLayer(os?.release), UNKNOWN_DOWNLOADERS), 'mysql');
    },
  },
  {
    match: ['mongo'],
    describe: (tag) => {
      if (tag.slim || !extrasWithin(tag, [])) return undefined;
      const os = tag.os;
      if (os?.family === 'windows') return windowsLayer(os.edition, os.release);
      if (os !== undefined && os.family !== 'ubuntu') return undefined;
      return withUsers(withTools(ubuntuLayer(os?.release), UNKNOWN_DOWNLOADERS), 'mongodb');
    },
  },
  {
    // haproxy runs as `haproxy` since 2.4.
    match: ['haproxy'],
    describe: (tag) => {
      const facts = debianOrAlpine({ users: ['haproxy'] })(tag, 'haproxy');
      const version = versionNumber(tag);
      return facts && { ...facts, defaultUser: version === undefined || version >= 204 ? 'haproxy' : undefined };
    },
  },
  {
    // tomcat: built on eclipse-temurin (Ubuntu); `jre17`/`jdk21` name the Java release.
    match: ['tomcat'],
    describe: (tag) => {
      const java = tag.extras.find((token) => /^(?:jre|jdk)\d+$/.test(token));
      if (tag.slim || !tag.extras.every((token) => token === java || token === 'temurin')) return undefined;
      if (tag.os !== undefined && tag.os.family !== 'ubuntu') return undefined;
      const tools = tag.extras.includes('temurin') ? { curl: 'yes', wget: 'yes' } as const : UNKNOWN_DOWNLOADERS;
      return withLanguage(withTools(ubuntuLayer(tag.os?.release), tools), 'java', java?.slice(3));
    },
  },
  { match: ['jenkins/jenkins'], describe: describeJenkins },
  { match: ['wordpress'], describe: describeWordpress },
  {
    // caddy: Alpine (busybox wget, no curl); `builder` tags are golang:alpine with xcaddy.
    match: ['caddy'],
    describe: (tag) => {
      const facts = alpineOrWindows(['builder'])(tag, 'caddy');
      if (!facts || !tag.extras.includes('builder')) return facts;
      const runtime = tag.tokens.filter((token) => token !== 'builder');
      return withLanguage(asSdk(facts, runtime.length === 0 ? 'caddy' : `caddy:${runtime.join('-')}`), 'go', undefined);
    },
  },
  { match: ['traefik'], describe: alpineOrWindows() },
  {
    // docker: Alpine; `cli` adds git and ssh only; `dind-rootless` runs as `rootless`.
    match: ['docker'],
    describe: (tag) => {
      const facts = alpineOrWindows(['cli', 'dind', 'rootless'])(tag, 'docker');
      if (!facts || facts.family === 'windows') return facts;
      const withCurl = withTools(facts, { curl: tag.extras.includes('cli') ? 'no' : 'unknown' });
      return tag.extras.includes('rootless') ? { ...withUsers(withCurl, 'rootless'), defaultUser: 'rootless' } : withCurl;
    },
  },
  { match: ['memcached'], describe: debianOrAlpine({ users: ['memcache'], defaultUser: 'memcache', debianTools: UNKNOWN_DOWNLOADERS, alpineTools: { curl: 'unknown' } }) },
  {
    match: ['rabbitmq'],
    describe: (tag) => {
      if (tag.slim || !extrasWithin(tag, ['management'])) return undefined;
      const os = tag.os;
      if (os?.family === 'alpine') return withUsers(withTools(alpineLayer(os.release), { curl: 'unknown' }), 'rabbitmq');
      if (os !== undefined && os.family !== 'ubuntu') return undefined;
      return withUsers(withTools(ubuntuLayer(os?.release), UNKNOWN_DOWNLOADERS), 'rabbitmq');
    },
  },
  {
    match: ['curlimages/curl'],
    describe: (tag) => (tag.os === undefined && !tag.slim && extrasWithin(tag, [])
      ? { ...withUsers(withTools(alpineLayer(undefined), { curl: 'yes' }), 'curl_user'), defaultUser: 'curl_user' }
      : undefined),
  },
];
