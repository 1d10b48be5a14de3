// What a user should see in the editor for each fixture in fixtures/workspace/. Kept apart from the test
// steps so that a change in the product's wording (a fix title, the words of the stage card) is a one-line edit
// here, while the tests keep checking the same user path. Lines and columns are 1-based, as the editor shows them.

export interface ExpectedProblems {
  file: string;
  /** Rule codes shown in the Problems panel for this file, with how often each appears. */
  codes: Readonly<Record<string, number>>;
}

export interface ExpectedQuickFix {
  file: string;
  line: number;
  column: number;
  code: string;
  title: string;
  before: string;
  after: string;
}

export interface ExpectedHover {
  file: string;
  line: number;
  column: number;
  /** Every pattern must match the hover's text. */
  mustMatch: readonly RegExp[];
}

export interface ExpectedSplit {
  file: string;
  /** Where the quick fix is triggered: on the rule's squiggle. */
  line: number;
  column: number;
  /** The rules whose squiggles the split removes. */
  codes: readonly string[];
  title: string;
  /** The FROM lines of the split file, in order. */
  fromLines: readonly string[];
}

export interface ExpectedSettingChange {
  file: string;
  /** The rule turned off through `stagelint.rules`; the other codes must stay. */
  rule: string;
}

/** A Node service that copies its whole source before `npm ci`, runs as root and uses a shell-form CMD. */
export const problems: ExpectedProblems = {
  file: 'node-app/Dockerfile',
  codes: { 'deps-before-source': 1, 'no-root-final-stage': 1, 'json-args-recommended': 1 },
};

/** `COPY --from=buidler` (typo) in a Go build: the fix renames the reference to the existing stage. */
export const quickFix: ExpectedQuickFix = {
  file: 'typo/Dockerfile',
  line: 11,
  column: 14,
  code: 'no-unknown-stage-reference',
  // Unsafe fixes end with ' (unsafe)' (BuildKit would have pulled 'buidler' as an image: the intent is a guess).
  title: "Change 'buidler' to stage 'builder' (unsafe)",
  before: 'COPY --from=buidler /out/api /usr/local/bin/api',
  after: 'COPY --from=builder /out/api /usr/local/bin/api',
};

/** The stage card on a FROM line tells the stage's role in the build. */
export const hovers: readonly ExpectedHover[] = [
  // `FROM golang:1.22 AS build`: the card names its role, which is not the stage's own name.
  { file: 'go-app/Dockerfile', line: 1, column: 22, mustMatch: [/\bbuild\b/, /\bbuilder\b/i] },
  // The unnamed last stage is the image that ships (hovering its base image: the FROM keyword itself shows
  // the instruction's reference card instead).
  { file: 'go-app/Dockerfile', line: 8, column: 10, mustMatch: [/\bfinal\b/i, /distroless/] },
];

/** A single-stage Flask app that installs compilers: the refactor splits it into a builder and a runtime stage. */
export const split: ExpectedSplit = {
  file: 'python-app/Dockerfile',
  line: 1,
  column: 3,
  codes: ['prefer-multi-stage-build', 'no-build-tools-in-final-stage'],
  title: 'Split into builder and runtime stages (unsafe)',
  fromLines: ['FROM python:3.12 AS builder', 'FROM python:3.12-slim AS runtime'],
};

export const settingChange: ExpectedSettingChange = {
  file: 'node-app/Dockerfile',
  rule: 'deps-before-source',
};
