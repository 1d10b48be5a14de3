import { describe, expect, it } from 'vitest';
import {
  describeImage, describeImageText, imageHasUser, KNOWN_OFFICIAL_IMAGES, parseImageRef, repositoryKey, type ImageFacts,
} from '../../server/src/analysis/baseImages';
import { curatedRepositories } from '../../server/src/analysis/baseImageTable';
import { parseTag } from '../../server/src/analysis/imageTag';

type Expect = Partial<Omit<ImageFacts, 'tools' | 'language'>> & {
  tools?: Partial<ImageFacts['tools']>;
  language?: ImageFacts['language'];
  /** Users that must be listed / must not be listed. */
  has?: string[];
  lacks?: string[];
};

function check(ref: string, expected: Expect): void {
  const facts = describeImageText(ref);
  const { has = [], lacks = [], language, ...rest } = expected;
  expect(facts, ref).toMatchObject({ known: true, ...rest });
  if (language !== undefined) expect(facts.language, `${ref} language`).toEqual(language);
  for (const user of has) expect(facts.users, `${ref} users`).toContain(user);
  for (const user of lacks) expect(facts.users, `${ref} users`).not.toContain(user);
}

describe('parseImageRef', () => {
  it.each([
    ['node', { name: 'node' }],
    ['node:20-alpine', { name: 'node', tag: '20-alpine' }],
    ['docker.io/library/node:20', { name: 'node', tag: '20' }],
    ['library/python:3.12-slim', { name: 'python', tag: '3.12-slim' }],
    ['mcr.microsoft.com/dotnet/sdk:8.0', { registry: 'mcr.microsoft.com', name: 'dotnet/sdk', tag: '8.0' }],
    ['localhost:5000/team/app:1.2', { registry: 'localhost:5000', name: 'team/app', tag: '1.2' }],
    ['registry.example.com:443/a/b/c@sha256:abc', { registry: 'registry.example.com:443', name: 'a/b/c', digest: 'sha256:abc' }],
    ['alpine:3.23.0@sha256:5118', { name: 'alpine', tag: '3.23.0', digest: 'sha256:5118' }],
    ['gcr.io/distroless/static-debian12:nonroot', { registry: 'gcr.io', name: 'distroless/static-debian12', tag: 'nonroot' }],
    ['"debian:bookworm-slim"', { name: 'debian', tag: 'bookworm-slim' }],
    ['myteam/app', { name: 'myteam/app' }],
  ])('%s', (text, expected) => {
    expect(parseImageRef(text)).toEqual(expected);
  });

  it.each(['', '   ', 'node:', 'node@', 'a b'])('rejects %j', (text) => {
    expect(parseImageRef(text)).toBeUndefined();
  });
});

describe('repositoryKey', () => {
  it.each([
    [{ name: 'node' }, 'node'],
    [{ registry: 'docker.io', name: 'library/node' }, 'node'],
    [{ registry: 'index.docker.io', name: 'library/node' }, 'node'],
    [{ registry: 'registry-1.docker.io', name: 'library/python' }, 'python'],
    [{ name: 'arm64v8/alpine' }, 'alpine'],
    [{ name: 'amd64/debian' }, 'debian'],
    [{ registry: 'public.ecr.aws', name: 'docker/library/node' }, 'node'],
    [{ registry: 'mirror.gcr.io', name: 'library/redis' }, 'redis'],
    [{ registry: 'MCR.microsoft.com', name: 'dotnet/SDK' }, 'mcr.microsoft.com/dotnet/sdk'],
    [{ name: 'jenkins/jenkins' }, 'jenkins/jenkins'],
    [{ registry: 'quay.io', name: 'centos/centos' }, 'quay.io/centos/centos'],
  ])('%j → %s', (ref, key) => {
    expect(repositoryKey(ref)).toBe(key);
  });
});

describe('parseTag', () => {
  it('reads version, slim and release in either order', () => {
    expect(parseTag('3.12-slim-bookworm')).toMatchObject({ version: '3.12', slim: true, os: { family: 'debian', release: 'bookworm' }, extras: [] });
    expect(parseTag('20-bookworm-slim')).toMatchObject({ version: '20', slim: true, os: { family: 'debian', release: 'bookworm' } });
  });

  it('reads Alpine releases glued or separate', () => {
    expect(parseTag('20-alpine3.19').os).toEqual({ family: 'alpine', release: '3.19' });
    expect(parseTag('21-jre-alpine-3.21')).toMatchObject({ os: { family: 'alpine', release: '3.21' }, extras: ['jre'] });
    expect(parseTag('1.22-alpine').os).toEqual({ family: 'alpine', release: undefined });
  });

  it('reads Windows editions and builds', () => {
    expect(parseTag('windowsservercore-ltsc2022').os).toEqual({ family: 'windows', release: 'ltsc2022', edition: 'servercore' });
    expect(parseTag('8.0-nanoserver-1809').os).toEqual({ family: 'windows', release: '1809', edition: 'nanoserver' });
    expect(parseTag('nanoserver').os).toEqual({ family: 'windows', release: undefined, edition: 'nanoserver' });
  });

  it('keeps unexplained tokens, arch and channels apart', () => {
    expect(parseTag('17-jdk-jammy')).toMatchObject({ version: '17', extras: ['jdk'], os: { family: 'ubuntu', release: 'jammy' } });
    expect(parseTag('10.0-noble-chiseled-amd64')).toMatchObject({ version: '10.0', arch: 'amd64', extras: ['chiseled'] });
    expect(parseTag('lts-alpine')).toMatchObject({ version: undefined, channel: 'lts' });
    expect(parseTag(undefined)).toMatchObject({ raw: '', tokens: [], version: undefined });
  });
});

/** One row per family and per tricky tag convention. */
describe('describeImage: families', () => {
  it.each<[string, Expect]>([
    ['debian:bookworm', { family: 'debian', osRelease: 'bookworm', libc: 'glibc', variant: 'runtime', packageManager: 'apt', language: { name: 'none' }, tools: { curl: 'no', wget: 'no', sh: 'yes', bash: 'yes' }, usersComplete: true, has: ['www-data', 'nobody'], defaultUser: 'root' }],
    ['debian:12-slim', { family: 'debian', osRelease: 'bookworm' }],
    ['ubuntu:22.04', { family: 'ubuntu', osRelease: 'jammy', lacks: ['ubuntu'], tools: { curl: 'no', wget: 'no' } }],
    ['ubuntu:24.04', { family: 'ubuntu', osRelease: 'noble', has: ['ubuntu'] }],
    ['ubuntu:mantic', { has: ['ubuntu'] }],
    ['ubuntu', { family: 'ubuntu', has: ['ubuntu'] }],
    ['alpine:3.19', { family: 'alpine', osRelease: '3.19', libc: 'musl', packageManager: 'apk', tools: { curl: 'no', wget: 'yes', sh: 'yes', bash: 'no', busybox: 'yes' }, lacks: ['www-data'], has: ['nobody'] }],
    ['gcr.io/distroless/static-debian12', { family: 'distroless', libc: 'none', osRelease: 'bookworm', defaultUser: 'root', packageManager: 'none', tools: { curl: 'no', wget: 'no', sh: 'no' }, users: ['nonroot', 'nobody'], usersComplete: true }],
    ['gcr.io/distroless/static-debian12:nonroot', { defaultUser: 'nonroot' }],
    ['gcr.io/distroless/base-debian12:debug-nonroot', { libc: 'glibc', defaultUser: 'nonroot', tools: { sh: 'yes', busybox: 'yes', curl: 'no', wget: 'unknown' } }],
    ['gcr.io/distroless/python3-debian12', { language: { name: 'python', version: '3.11' }, variant: 'runtime' }],
    ['gcr.io/distroless/java21-debian12:nonroot', { language: { name: 'java', version: '21' }, variant: 'runtime' }],
    ['gcr.io/distroless/nodejs22-debian12', { language: { name: 'node', version: '22' } }],
    ['scratch', { family: 'scratch', libc: 'none', users: [], usersComplete: true, tools: { sh: 'no', curl: 'no', wget: 'no' }, packageManager: 'none' }],
    ['mcr.microsoft.com/windows/servercore:ltsc2022', { family: 'windows', osRelease: 'ltsc2022', defaultUser: 'ContainerAdministrator', tools: { sh: 'no', curl: 'unknown' } }],
    ['mcr.microsoft.com/windows/nanoserver:ltsc2022', { family: 'windows', defaultUser: 'ContainerUser' }],
    ['registry.access.redhat.com/ubi9/ubi', { family: 'rhel', libc: 'glibc', packageManager: 'dnf', osRelease: 'ubi9', usersComplete: false }],
    ['registry.access.redhat.com/ubi9/ubi-minimal:9.3', { family: 'rhel', packageManager: 'microdnf' }],
    ['registry.access.redhat.com/ubi9-micro', { family: 'rhel', packageManager: 'none' }],
    ['fedora:40', { family: 'rhel', packageManager: 'dnf' }],
    ['centos:7', { family: 'rhel', packageManager: 'yum' }],
    ['rockylinux:9-minimal', { family: 'rhel', packageManager: 'microdnf' }],
    ['oraclelinux:9-slim', { family: 'rhel', packageManager: 'microdnf', tools: { curl: 'yes' } }],
    ['amazonlinux:2023', { family: 'rhel', packageManager: 'dnf' }],
    ['amazonlinux:2', { packageManager: 'yum' }],
    ['opensuse/leap:15.5', { family: 'suse', packageManager: 'zypper' }],
    ['mcr.microsoft.com/azurelinux/base/core:3.0', { family: 'azurelinux', packageManager: 'tdnf' }],
    ['cgr.dev/chainguard/static', { family: 'wolfi', libc: 'glibc', defaultUser: 'nonroot', packageManager: 'none', tools: { sh: 'no', curl: 'no' } }],
    ['cgr.dev/chainguard/python:latest-dev', { family: 'wolfi', packageManager: 'apk', language: { name: 'python' }, tools: { sh: 'yes' } }],
    ['cgr.dev/chainguard/go', { variant: 'sdk', runtimeAlternative: 'cgr.dev/chainguard/static' }],
    ['busybox:1.36-musl', { family: 'busybox', libc: 'musl', tools: { sh: 'yes', wget: 'yes', curl: 'no' } }],
    ['busybox', { family: 'busybox', libc: 'unknown' }],
  ])('%s', check);
});

describe('describeImage: language images', () => {
  it.each<[string, Expect]>([
    ['python:3.11-slim', { family: 'debian', variant: 'runtime', language: { name: 'python', version: '3.11' }, tools: { curl: 'no', wget: 'no' } }],
    ['python:3.12', { variant: 'sdk', runtimeAlternative: 'python:3.12-slim', tools: { curl: 'yes', wget: 'yes' } }],
    ['python:3.12-bookworm', { runtimeAlternative: 'python:3.12-slim-bookworm', osRelease: 'bookworm' }],
    ['python:3', { language: { name: 'python', version: '3' } }],
    ['python:latest', { language: { name: 'python' }, runtimeAlternative: 'python:slim' }],
    ['python', { language: { name: 'python' }, variant: 'sdk' }],
    ['python:3.12-alpine3.19', { family: 'alpine', libc: 'musl', variant: 'runtime', tools: { wget: 'yes', curl: 'no' } }],
    ['python:3.13-windowsservercore-ltsc2022', { family: 'windows', variant: 'runtime', language: { name: 'python', version: '3.13' } }],
    ['node:20-alpine', { family: 'alpine', variant: 'runtime', language: { name: 'node', version: '20' }, has: ['node'], defaultUser: 'root' }],
    ['node:20', { variant: 'sdk', runtimeAlternative: 'node:20-slim', has: ['node'], tools: { curl: 'yes', wget: 'yes' } }],
    ['node:20-bookworm', { runtimeAlternative: 'node:20-bookworm-slim' }],
    ['node:20-slim', { variant: 'runtime', tools: { curl: 'no', wget: 'no' }, has: ['node'] }],
    ['node:iron-alpine', { language: { name: 'node', version: '20' } }],
    ['node:lts', { runtimeAlternative: 'node:lts-slim', language: { name: 'node' } }],
    ['golang:1.22', { variant: 'sdk', language: { name: 'go', version: '1.22' }, runtimeAlternative: 'gcr.io/distroless/static-debian12', tools: { curl: 'yes', wget: 'yes' } }],
    ['golang:1.22-alpine', { family: 'alpine', variant: 'sdk', runtimeAlternative: 'alpine', tools: { curl: 'no', wget: 'yes' } }],
    ['golang:1.23-alpine3.20', { runtimeAlternative: 'alpine:3.20' }],
    ['golang:1.24-trixie', { runtimeAlternative: 'gcr.io/distroless/static-debian13' }],
    ['golang:1.26-nanoserver-ltsc2022', { family: 'windows', runtimeAlternative: 'mcr.microsoft.com/windows/nanoserver:ltsc2022' }],
    ['rust:1.80', { variant: 'sdk', runtimeAlternative: 'debian:stable-slim', language: { name: 'rust', version: '1.80' } }],
    ['rust:1.80-bookworm', { runtimeAlternative: 'debian:bookworm-slim' }],
    ['rust:1.80-slim-bookworm', { variant: 'sdk', runtimeAlternative: 'debian:bookworm-slim', tools: { curl: 'no', wget: 'no' } }],
    ['rust:1.89-alpine3.22', { libc: 'musl', runtimeAlternative: 'alpine:3.22' }],
    ['ruby:3.3-slim-bookworm', { variant: 'runtime', language: { name: 'ruby', version: '3.3' } }],
    ['ruby:3.3', { variant: 'sdk', runtimeAlternative: 'ruby:3.3-slim' }],
    ['php:8.2-apache', { family: 'debian', variant: 'runtime', language: { name: 'php', version: '8.2' }, has: ['www-data'], tools: { curl: 'yes' } }],
    ['php:8.3-fpm-alpine3.19', { family: 'alpine', has: ['www-data'], tools: { curl: 'yes', wget: 'yes' } }],
    ['eclipse-temurin:21-jre', { family: 'ubuntu', variant: 'runtime', language: { name: 'java', version: '21' }, tools: { curl: 'yes', wget: 'yes' } }],
    ['eclipse-temurin:21-jdk', { variant: 'sdk', runtimeAlternative: 'eclipse-temurin:21-jre' }],
    ['eclipse-temurin:21', { variant: 'sdk', runtimeAlternative: 'eclipse-temurin:21-jre' }],
    ['eclipse-temurin:17-jdk-jammy', { osRelease: 'jammy', runtimeAlternative: 'eclipse-temurin:17-jre-jammy', lacks: ['ubuntu'] }],
    ['eclipse-temurin:21-jdk-alpine', { family: 'alpine', runtimeAlternative: 'eclipse-temurin:21-jre-alpine', tools: { curl: 'unknown' } }],
    ['eclipse-temurin:21-jdk-ubi9-minimal', { family: 'rhel', packageManager: 'microdnf', runtimeAlternative: 'eclipse-temurin:21-jre-ubi9-minimal' }],
    ['eclipse-temurin:11-jdk-windowsservercore-ltsc2022', { family: 'windows', runtimeAlternative: 'eclipse-temurin:11-jre-windowsservercore-ltsc2022' }],
    ['openjdk:17-jdk-slim', { family: 'debian', variant: 'sdk', runtimeAlternative: 'eclipse-temurin:17-jre' }],
    ['openjdk:11-jre-slim', { variant: 'runtime', language: { name: 'java', version: '11' } }],
    ['openjdk:8-jdk-alpine', { family: 'alpine', runtimeAlternative: 'eclipse-temurin:8-jre-alpine' }],
    ['amazoncorretto:21', { family: 'rhel', variant: 'sdk', runtimeAlternative: undefined, language: { name: 'java', version: '21' } }],
    ['maven:3-eclipse-temurin-21', { family: 'ubuntu', variant: 'sdk', language: { name: 'java', version: '21' }, runtimeAlternative: 'eclipse-temurin:21-jre' }],
    ['maven:3.9.6-eclipse-temurin-17-alpine', { family: 'alpine', runtimeAlternative: 'eclipse-temurin:17-jre-alpine' }],
    ['maven:3.9-eclipse-temurin-21-jammy', { runtimeAlternative: 'eclipse-temurin:21-jre-jammy' }],
    ['maven:3-amazoncorretto-21', { family: 'rhel', variant: 'sdk', runtimeAlternative: undefined }],
    ['maven:3.9', { variant: 'sdk', language: { name: 'java' }, runtimeAlternative: undefined }],
    ['gradle:8-jdk21', { variant: 'sdk', language: { name: 'java', version: '21' }, runtimeAlternative: 'eclipse-temurin:21-jre', has: ['gradle'], usersComplete: false }],
    ['gradle:8.5-jdk17-alpine', { family: 'alpine', runtimeAlternative: 'eclipse-temurin:17-jre-alpine' }],
    ['gradle:jdk21-jammy', { runtimeAlternative: 'eclipse-temurin:21-jre-jammy' }],
    ['gradle:8-jdk21-graal', { variant: 'sdk', family: 'unknown', runtimeAlternative: undefined }],
    ['mcr.microsoft.com/dotnet/sdk:8.0', { family: 'debian', variant: 'sdk', language: { name: 'dotnet', version: '8.0' }, runtimeAlternative: 'mcr.microsoft.com/dotnet/aspnet:8.0', has: ['app'], tools: { curl: 'yes', wget: 'yes' } }],
    ['mcr.microsoft.com/dotnet/aspnet:8.0', { family: 'debian', variant: 'runtime', has: ['app'], defaultUser: 'root', tools: { curl: 'no', wget: 'no' } }],
    ['mcr.microsoft.com/dotnet/aspnet:6.0', { lacks: ['app'] }],
    ['mcr.microsoft.com/dotnet/runtime:10.0', { family: 'ubuntu' }],
    ['mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled', { family: 'ubuntu', users: ['app'], usersComplete: true, defaultUser: 'app', tools: { sh: 'no', curl: 'no' }, packageManager: 'none' }],
    ['mcr.microsoft.com/dotnet/sdk:8.0.100-bookworm-slim', { runtimeAlternative: 'mcr.microsoft.com/dotnet/aspnet:8.0-bookworm-slim' }],
    ['mcr.microsoft.com/dotnet/sdk:9.0-alpine', { family: 'alpine', runtimeAlternative: 'mcr.microsoft.com/dotnet/aspnet:9.0-alpine', tools: { curl: 'yes' } }],
    ['mcr.microsoft.com/dotnet/sdk:8.0-noble-aot', { runtimeAlternative: 'mcr.microsoft.com/dotnet/runtime-deps:8.0-noble' }],
    ['mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-1809', { family: 'windows', defaultUser: 'ContainerUser', runtimeAlternative: 'mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-1809' }],
    ['gcc:13', { variant: 'sdk', runtimeAlternative: 'debian:stable-slim' }],
    ['gcc:13-bookworm', { runtimeAlternative: 'debian:bookworm-slim' }],
    ['buildpack-deps:bookworm-curl', { variant: 'runtime', tools: { curl: 'yes', wget: 'yes' } }],
    ['buildpack-deps:noble', { family: 'ubuntu', variant: 'sdk', runtimeAlternative: 'ubuntu:noble' }],
    ['ghcr.io/astral-sh/uv:python3.12-bookworm-slim', { family: 'debian', variant: 'runtime', language: { name: 'python', version: '3.12' } }],
    ['ghcr.io/astral-sh/uv:0.5.0', { family: 'scratch' }],
  ])('%s', check);
});

describe('describeImage: servers and tools', () => {
  it.each<[string, Expect]>([
    ['nginx', { family: 'debian', has: ['nginx'], defaultUser: 'root', tools: { curl: 'yes', wget: 'no' }, language: { name: 'none' } }],
    ['nginx:1.25-alpine', { family: 'alpine', tools: { curl: 'yes', wget: 'yes' } }],
    ['nginx:stable-alpine-slim', { family: 'alpine', tools: { curl: 'no' } }],
    ['nginx:1.16', { tools: { curl: 'unknown' } }],
    ['nginxinc/nginx-unprivileged:alpine', { defaultUser: 'nginx' }],
    ['httpd:2.4', { has: ['www-data'], tools: { curl: 'no' } }],
    ['httpd:2.4-alpine', { has: ['www-data'] }],
    ['postgres:16-alpine', { family: 'alpine', has: ['postgres'], tools: { curl: 'no', wget: 'yes' } }],
    ['postgres:16', { family: 'debian', has: ['postgres'], tools: { curl: 'no', wget: 'no' } }],
    ['redis:7', { has: ['redis'], tools: { curl: 'unknown' } }],
    ['mysql:8.4', { family: 'rhel', packageManager: 'microdnf', has: ['mysql'], tools: { curl: 'yes' } }],
    ['mysql:8.0-debian', { family: 'debian', has: ['mysql'] }],
    ['mariadb:11', { family: 'ubuntu', has: ['mysql'] }],
    ['mongo:7.0', { family: 'ubuntu', has: ['mongodb'] }],
    ['haproxy:2.8', { defaultUser: 'haproxy', has: ['haproxy'] }],
    ['tomcat:10.1-jre17-temurin-jammy', { family: 'ubuntu', language: { name: 'java', version: '17' }, variant: 'runtime' }],
    ['jenkins/jenkins:lts-jdk17', { has: ['jenkins'], defaultUser: 'jenkins', tools: { curl: 'yes' }, language: { name: 'java', version: '17' } }],
    ['wordpress:cli', { family: 'alpine', defaultUser: 'www-data' }],
    ['wordpress:6.4-php8.2-apache', { language: { name: 'php', version: '8.2' }, has: ['www-data'] }],
    ['caddy:2-alpine', { family: 'alpine', tools: { curl: 'no', wget: 'yes' } }],
    ['caddy:2-builder', { variant: 'sdk', runtimeAlternative: 'caddy:2' }],
    ['traefik:v3.0', { family: 'alpine' }],
    ['docker:dind-rootless', { defaultUser: 'rootless', has: ['rootless'] }],
    ['memcached:1.6', { defaultUser: 'memcache', has: ['memcache'] }],
    ['curlimages/curl:8.5.0', { family: 'alpine', tools: { curl: 'yes' }, defaultUser: 'curl_user', has: ['curl_user'] }],
  ])('%s', check);
});

/** Real FROM lines of /work/shared/corpus (image part), with what rules will ask of them. */
describe('describeImage: FROM lines from real Dockerfiles', () => {
  it.each<[string, Expect]>([
    ['debian:bookworm-slim', { family: 'debian', osRelease: 'bookworm', tools: { curl: 'no' } }],
    ['docker.io/library/debian:trixie-slim', { family: 'debian', osRelease: 'trixie' }],
    ['debian:buster-slim@sha256:bb3dc79fddbca7e8903248ab916bb775c96ec61014b3d02b4f06043b604726dc', { osRelease: 'buster' }],
    ['debian:stable-slim', { osRelease: 'stable' }],
    ['alpine:3.24.1', { family: 'alpine', osRelease: '3.24.1' }],
    ['alpine:3.23.0@sha256:51183f2cfa6320055da30872f211093f9ff1d3cf06f39a0bdb212314c5dc7375', { family: 'alpine' }],
    ['docker.io/library/alpine:3.24', { family: 'alpine' }],
    ['ubuntu:24.04@sha256:d1e2e92c075e5ca139d51a140fff46f84315c0fdce203eab2807c7e495eff4f9', { osRelease: 'noble', has: ['ubuntu'] }],
    ['docker.io/ubuntu:26.04@sha256:4095ef613201918336b5d7d00be15d8b09c72ddb77c80bca249c255887a64d87', { osRelease: 'resolute' }],
    ['ubuntu:16.04', { osRelease: 'xenial', lacks: ['ubuntu'] }],
    ['golang:1.26-alpine', { variant: 'sdk', libc: 'musl', language: { name: 'go', version: '1.26' } }],
    ['golang:1.27.0-alpine@sha256:4c9fe60190a2a3350ddc51de80d0224b8a6698d12bdfc999fee45ea9d6c46dbc', { variant: 'sdk', family: 'alpine' }],
    ['golang:1.26-windowsservercore-ltsc2022', { family: 'windows', variant: 'sdk' }],
    ['golang:1.8', { variant: 'sdk', family: 'debian' }],
    ['node:22-bookworm-slim', { variant: 'runtime', has: ['node'], tools: { curl: 'no' } }],
    ['docker.io/node:24-trixie-slim', { variant: 'runtime', osRelease: 'trixie' }],
    ['node:22-trixie', { variant: 'sdk', runtimeAlternative: 'node:22-trixie-slim' }],
    ['node:24-alpine3.23', { family: 'alpine', osRelease: '3.23' }],
    ['node:8.17.0-stretch', { runtimeAlternative: 'node:8.17.0-stretch-slim', language: { name: 'node', version: '8.17.0' } }],
    ['node:24@sha256:8530f76a96d88820d288761f022e318970dda93d01536919fbc16076b7983e63', { variant: 'sdk', runtimeAlternative: 'node:24-slim' }],
    ['python:3.12-slim-bookworm', { variant: 'runtime', language: { name: 'python', version: '3.12' } }],
    ['python:3.6-jessie', { variant: 'sdk', osRelease: 'jessie' }],
    ['rust:1.92-bookworm', { variant: 'sdk', runtimeAlternative: 'debian:bookworm-slim' }],
    ['docker.io/library/rust:1.97.1-slim-trixie', { variant: 'sdk', runtimeAlternative: 'debian:trixie-slim', language: { name: 'rust', version: '1.97.1' } }],
    ['php:8.3-apache-trixie', { osRelease: 'trixie', language: { name: 'php', version: '8.3' } }],
    ['php:8.2-alpine', { family: 'alpine', has: ['www-data'] }],
    ['eclipse-temurin:21-jdk-noble', { variant: 'sdk', runtimeAlternative: 'eclipse-temurin:21-jre-noble', has: ['ubuntu'] }],
    ['eclipse-temurin:11-jre-jammy', { variant: 'runtime' }],
    ['mcr.microsoft.com/dotnet/sdk:10.0-alpine3.23', { variant: 'sdk', runtimeAlternative: 'mcr.microsoft.com/dotnet/aspnet:10.0-alpine3.23' }],
    ['mcr.microsoft.com/dotnet/aspnet:10.0-alpine3.23', { variant: 'runtime', has: ['app'], libc: 'musl' }],
    ['mcr.microsoft.com/dotnet/sdk:10.0-noble-aot-amd64', { runtimeAlternative: 'mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-amd64' }],
    ['mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled-arm64v8', { defaultUser: 'app', tools: { sh: 'no' } }],
    ['mcr.microsoft.com/dotnet/aspnet:10.0-nanoserver-ltsc2022', { family: 'windows', defaultUser: 'ContainerUser' }],
    ['mcr.microsoft.com/windows/servercore:1809-amd64', { family: 'windows', osRelease: '1809' }],
    ['buildpack-deps:bookworm-scm', { variant: 'runtime', tools: { curl: 'yes' } }],
    ['buildpack-deps:22.04-curl', { family: 'ubuntu', osRelease: 'jammy' }],
    ['buildpack-deps:buster@sha256:c9285bcb198c0ae171bfc350a4af94ddfda547c4e4d2900a92c280232319341e', { variant: 'sdk', runtimeAlternative: 'debian:buster-slim' }],
    ['nginx:stable-alpine-slim@sha256:2c605dbeab79a6b2a63340474fe58119d0ef95bdc4b1f41df0aa689659b3d13b', { tools: { curl: 'no' }, has: ['nginx'] }],
    ['docker.io/postgres:17-trixie', { has: ['postgres'], osRelease: 'trixie' }],
    ['oraclelinux:9-slim', { packageManager: 'microdnf' }],
    ['registry.access.redhat.com/ubi9/ubi-micro:latest', { packageManager: 'none', family: 'rhel' }],
    ['redhat/ubi10-minimal', { packageManager: 'microdnf', osRelease: 'ubi10' }],
    ['almalinux:8', { family: 'rhel' }],
    ['amazonlinux:2', { packageManager: 'yum' }],
    ['docker:29-cli', { family: 'alpine', tools: { curl: 'no' } }],
    ['caddy:2-alpine', { family: 'alpine' }],
    ['busybox', { family: 'busybox' }],
    ['mcr.microsoft.com/azurelinux/base/core:3.0', { family: 'azurelinux' }],
    ['ghcr.io/astral-sh/uv:0.11.32-python3.12-trixie-slim', { language: { name: 'python', version: '3.12' }, osRelease: 'trixie' }],
  ])('%s', check);

  it.each([
    'ghcr.io/blackdex/rust-musl:x86_64-musl-stable-1.97.1',
    'nvidia/cuda:12.6.2-devel-ubuntu24.04',
    'tonistiigi/xx:1.6.1@sha256:923441d7c25f1e2eb5789f82d987693c47b8ed987c4ab3b075d6ed2b5d6779a3',
    'lukemathwalker/cargo-chef:latest-rust-1.85.1',
    'quay.io/buildah/stable:latest',
    'golang:${GO_VERSION}-alpine${ALPINE_VERSION}',
    'localhost/$CONTAINER_IMAGE_ORGANIZATION/$CONTAINER_IMAGE_NAME:builder',
    'sonarqube:2026.3.1-datacenter-app',
  ])('%s is not curated', (ref) => {
    expect(describeImageText(ref).known).toBe(false);
  });
});

describe('unknown images and tags', () => {
  it('reports every field unknown', () => {
    const facts = describeImage({ name: 'mycompany/base', tag: '1.0' });
    expect(facts).toEqual({
      known: false, repository: 'mycompany/base', family: 'unknown', osRelease: undefined, libc: 'unknown',
      variant: 'unknown', language: { name: 'unknown' }, users: [], usersComplete: false, defaultUser: undefined,
      tools: { curl: 'unknown', wget: 'unknown', sh: 'unknown', bash: 'unknown', busybox: 'unknown' },
      packageManager: 'unknown', runtimeAlternative: undefined,
    });
  });

  it.each([
    'node:20-mystery', 'python:3.12-slim-alpine', 'debian:jammy', 'golang:1.22-slim', 'gcr.io/distroless/static:1.0',
    'gcr.io/distroless/unknownthing', 'myregistry.io/node:20', 'node:$NODE_VERSION', 'eclipse-temurin:21-jdk-slim',
  ])('%s is unknown', (ref) => {
    expect(describeImageText(ref).known).toBe(false);
  });

  it('takes the registry from the name when none is given', () => {
    expect(describeImage({ name: 'mcr.microsoft.com/dotnet/sdk', tag: '8.0' })).toMatchObject({ known: true, variant: 'sdk' });
    expect(describeImage({ registry: 'docker.io', name: 'library/node', tag: '20-slim' })).toMatchObject({ known: true, repository: 'node' });
  });
});

describe('digest without tag', () => {
  it('keeps only what every variant shares', () => {
    const facts = describeImage({ name: 'node', digest: 'sha256:0123' });
    expect(facts).toMatchObject({ known: true, family: 'unknown', variant: 'unknown', language: { name: 'node' }, runtimeAlternative: undefined, usersComplete: false });
    expect(facts.users).toContain('node');
    expect(facts.tools.curl).toBe('unknown');
  });

  it('keeps facts shared by all distroless tags, not the user or shell', () => {
    const facts = describeImage({ registry: 'gcr.io', name: 'distroless/cc', digest: 'sha256:66d8' });
    expect(facts).toMatchObject({ known: true, family: 'distroless', libc: 'glibc', defaultUser: undefined, tools: { curl: 'no', sh: 'unknown' } });
  });

  it('keeps the sdk variant of images that only have sdk tags', () => {
    expect(describeImage({ name: 'golang', digest: 'sha256:1' })).toMatchObject({ variant: 'sdk', language: { name: 'go' } });
  });
});

describe('imageHasUser', () => {
  it.each<[string, string, string]>([
    ['node:20-slim', 'node', 'yes'],
    ['node:20-slim', 'app', 'no'],
    ['node:20-slim', '1000', 'yes'],
    ['node:20-slim', 'root', 'yes'],
    ['node:20-slim', 'node:node', 'yes'],
    ['gcr.io/distroless/static-debian12', 'nonroot', 'yes'],
    ['gcr.io/distroless/static-debian12', 'app', 'no'],
    ['mcr.microsoft.com/dotnet/aspnet:8.0', 'app', 'yes'],
    ['mcr.microsoft.com/dotnet/aspnet:6.0', 'app', 'no'],
    ['ubuntu:24.04', 'ubuntu', 'yes'],
    ['ubuntu:22.04', 'ubuntu', 'no'],
    ['alpine:3.19', 'www-data', 'no'],
    ['debian:bookworm', 'www-data', 'yes'],
    ['nginx', 'nginx', 'yes'],
    ['scratch', 'app', 'no'],
    ['scratch', '65532', 'yes'],
    ['scratch', 'root', 'unknown'],
    ['registry.access.redhat.com/ubi9/ubi', 'app', 'unknown'],
    ['mcr.microsoft.com/windows/nanoserver:ltsc2022', 'containeruser', 'yes'],
    ['gradle:8-jdk21', 'ubuntu', 'unknown'],
    ['mycompany/base:1', 'app', 'unknown'],
    ['node:20-slim', '$APP_USER', 'unknown'],
  ])('%s has %s: %s', (ref, user, answer) => {
    expect(imageHasUser(describeImageText(ref), user)).toBe(answer);
  });
});

describe('KNOWN_OFFICIAL_IMAGES', () => {
  it('lists official images and not stage-like words', () => {
    for (const name of ['node', 'python', 'golang', 'alpine', 'debian', 'ubuntu', 'nginx', 'eclipse-temurin', 'buildpack-deps']) {
      expect(KNOWN_OFFICIAL_IMAGES.has(name), name).toBe(true);
    }
    for (const name of ['builder', 'build', 'base', 'runtime', 'final', 'scratch', 'app']) expect(KNOWN_OFFICIAL_IMAGES.has(name), name).toBe(false);
  });

  it('covers every curated Docker Hub repository without a namespace', () => {
    const hub = curatedRepositories().filter((name) => !name.includes('/') && !name.includes('.'));
    expect(hub.filter((name) => !KNOWN_OFFICIAL_IMAGES.has(name))).toEqual([]);
  });
});

describe('table invariants', () => {
  const samples = [
    'python:3.12', 'python:3.12-bookworm', 'python', 'node:20', 'node:lts', 'node:22-trixie', 'golang:1.22', 'golang:1.22-alpine3.19',
    'golang:1.24-bullseye', 'golang:1.26-nanoserver-ltsc2022', 'rust:1.80', 'rust:1.80-slim-bookworm', 'rust:1.89-alpine3.22',
    'ruby:3.3', 'gcc:13', 'buildpack-deps:bookworm', 'buildpack-deps:22.04', 'eclipse-temurin:21', 'eclipse-temurin:21-jdk-alpine',
    'eclipse-temurin:17-jdk-jammy', 'eclipse-temurin:21-jdk-ubi9-minimal', 'eclipse-temurin:11-jdk-windowsservercore-ltsc2022',
    'openjdk:17-jdk-slim', 'openjdk:8-jdk-alpine', 'maven:3-eclipse-temurin-21', 'maven:3.9-eclipse-temurin-21-alpine',
    'gradle:8-jdk21-jammy', 'mcr.microsoft.com/dotnet/sdk:8.0', 'mcr.microsoft.com/dotnet/sdk:8.0-alpine3.19',
    'mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022', 'mcr.microsoft.com/dotnet/sdk:10.0-noble-aot',
    'cgr.dev/chainguard/go', 'cgr.dev/chainguard/jdk', 'caddy:2-builder', 'ghcr.io/astral-sh/uv:python3.12-bookworm',
  ];

  it.each(samples)('%s: the runtime alternative is itself a known runtime image', (ref) => {
    const facts = describeImageText(ref);
    expect(facts.variant, ref).toBe('sdk');
    if (facts.runtimeAlternative === undefined) throw new Error(`${ref} has no runtime alternative`);
    const runtime = describeImageText(facts.runtimeAlternative);
    expect(runtime, facts.runtimeAlternative).toMatchObject({ known: true, variant: 'runtime' });
    if (facts.libc === 'musl') expect(runtime.libc, facts.runtimeAlternative).toBe('musl');
    if (facts.language.name === 'java' || facts.language.name === 'python' || facts.language.name === 'node') {
      expect(runtime.language, facts.runtimeAlternative).toEqual(facts.language);
    }
  });

  it('gives no runtime alternative to runtime images', () => {
    for (const ref of ['python:3.12-slim', 'node:20-alpine', 'eclipse-temurin:21-jre', 'mcr.microsoft.com/dotnet/aspnet:8.0', 'debian:bookworm-slim']) {
      expect(describeImageText(ref).runtimeAlternative, ref).toBeUndefined();
    }
  });
});
