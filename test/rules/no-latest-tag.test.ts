import { describe } from 'vitest';
import rule from '../../server/src/rules/no-latest-tag';
import { df } from '../support/dockerfile';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:bookworm-slim\n',
    'FROM registry.example.com:5000/team/app:1.2.3\n',
    'FROM alpine:latest@sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1\n',
    { name: 'a stage reference is no image', code: df`
      FROM golang:1.22 AS build
      FROM build
    ` },
    { name: 'a stage reference is case-insensitive', code: df`
      FROM golang:1.22 AS Build
      FROM build AS test
    ` },
    'FROM scratch\n',
    { name: 'ARG with a tagged default', code: df`
      ARG GO_VERSION=1.22
      FROM golang:\${GO_VERSION}-alpine
    ` },
    { name: 'ARG whose value is only known at build time', code: df`
      ARG BASE_IMAGE
      FROM \${BASE_IMAGE}
    ` },
    { name: 'undeclared variable (another rule reports it)', code: 'FROM ${IMAGE}\n' },
    { name: 'empty after expansion (another rule reports it)', code: 'ARG IMAGE=\nFROM ${IMAGE}\n' },
    { name: 'ONBUILD is not a base', code: 'FROM alpine:3.20\nONBUILD RUN echo hi\n' },
  ],
  invalid: [
    {
      code: 'FROM ubuntu\n',
      errors: [{ messageId: 'untagged', line: 1, column: 6, endColumn: 12, message: "'ubuntu' has no tag" }],
    },
    {
      code: 'FROM --platform=$BUILDPLATFORM golang AS build\n',
      errors: [{ messageId: 'untagged', line: 1, column: 32, endColumn: 38 }],
    },
    {
      code: 'FROM docker.io/library/node:latest AS web\n',
      errors: [{ messageId: 'latest', line: 1, column: 6, endColumn: 35 }],
    },
    {
      name: 'each stage is checked; the stage reference is not',
      code: df`
        FROM python AS base
        FROM base
        FROM nginx:latest
      `,
      errors: [
        { messageId: 'untagged', line: 1 },
        { messageId: 'latest', line: 3 },
      ],
    },
    {
      name: 'ARG default without tag',
      code: 'ARG BASE=debian\nFROM ${BASE}\n',
      errors: [{ messageId: 'untaggedDefault', line: 2, column: 6, endColumn: 13, message: "resolves to 'debian'" }],
    },
    {
      name: 'ARG default tag latest',
      code: 'ARG TAG=latest\nFROM alpine:$TAG\n',
      errors: [{ messageId: 'latestDefault', line: 2, message: "'alpine:latest'" }],
    },
    {
      name: 'a registry port is not a tag',
      code: 'FROM localhost:5000/app\n',
      errors: [{ messageId: 'untagged', line: 1 }],
    },
  ],
});

describe('peer examples: hadolint DL3006 / DL3007', () => {
  ruleTester(rule, {
    valid: [
      { name: 'DL3006: a tagged image passes', code: 'FROM debian:jessie\n' },
      { name: 'DL3006: an earlier stage alias is not an image', code: 'FROM debian:jessie AS builder\nFROM builder\n' },
      { name: 'DL3006: scratch needs no tag', code: 'FROM scratch\n' },
      { name: 'DL3007: a pinned version passes', code: 'FROM debian:12.5\n' },
    ],
    invalid: [
      { name: 'DL3006: an untagged image', code: 'FROM debian\n', errors: [{ messageId: 'untagged' }] },
      { name: 'DL3007: the latest tag', code: 'FROM debian:latest\n', errors: [{ messageId: 'latest' }] },
    ],
  });
});
