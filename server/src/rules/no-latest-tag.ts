import { defineRule } from '../engine/defineRule';

export default defineRule({
  id: 'no-latest-tag',
  meta: {
    category: 'correctness',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'none',
    since: '0.1.0',
    stability: 'stable',
    sources: [
      { tool: 'hadolint', id: 'DL3006', relation: 'same' },
      { tool: 'hadolint', id: 'DL3007', relation: 'same' },
    ],
    messages: {
      untagged: "Base image '{{image}}' has no tag, so it means ':latest' and the build changes whenever the image is republished",
      latest: "Base image '{{image}}' uses ':latest', so the build changes whenever the image is republished",
      untaggedDefault:
        "Base image '{{image}}' resolves to '{{resolved}}' with the ARG defaults, which has no tag and means ':latest'",
      latestDefault: "Base image '{{image}}' resolves to '{{resolved}}' with the ARG defaults, which uses ':latest'",
    },
    docs: {
      summary: 'External base images must name a tag other than latest (or a digest)',
      rationale:
        'An image without a tag, or with `:latest`, is whatever the registry serves today: rebuilding the same ' +
        'Dockerfile next month can pull a new major version and break the build or the application. Name the ' +
        'version you tested (`python:3.12-slim`) or pin a digest (`@sha256:…`).\n\n' +
        'Only external images count: `FROM <stage>` references an earlier stage, and `scratch` is no image. A ' +
        'name built from ARGs is checked with the ARG defaults (what `docker build` uses without ' +
        '`--build-arg`); when a value is only known at build time, the rule stays silent.',
      examples: {
        invalid: ['FROM ubuntu\nRUN echo hi\n', 'FROM node:latest AS build\n'],
        valid: [
          'FROM ubuntu:24.04\n',
          'FROM alpine@sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1\n',
          'ARG BASE=python:3.12-slim\nFROM ${BASE} AS base\nFROM base\n',
          'FROM scratch\n',
        ],
      },
    },
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const base = stage.base;
      if (base.kind !== 'image' || base.digest) continue;
      // An empty or invalid name after ARG expansion is no-undefined-arg-in-from's business.
      if (!base.name) continue;
      const viaArgs = base.text.includes('$');
      // A variable whose value is only known at build time: nothing to say.
      if (viaArgs && base.resolved === undefined) continue;
      const tag = base.tag;
      if (tag !== undefined && tag !== 'latest') continue;
      const untagged = tag === undefined;
      report({
        messageId: viaArgs ? (untagged ? 'untaggedDefault' : 'latestDefault') : untagged ? 'untagged' : 'latest',
        data: { image: base.text, resolved: base.resolved ?? base.text },
        range: base.range,
      });
    }
  },
});
