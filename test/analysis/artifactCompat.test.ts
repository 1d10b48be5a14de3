import { describe, expect, it } from 'vitest';
import { incompatibleArtifacts } from '../../server/src/analysis/artifactCompat';
import { buildModel } from '../../server/src/analysis/buildModel';

describe('artifact compatibility: go env -w', () => {
  const kinds = (run: string) =>
    incompatibleArtifacts(buildModel(`FROM golang:1.22 AS b\n${run}\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=b /out/app /app\n`)).map((i) => i.kind);

  it('reads the go command, not the line it is on', () => {
    expect(kinds('RUN go env -w GOFLAGS=-mod=mod CGO_ENABLED=0')).toEqual([]);
    expect(kinds('RUN go env -w GOPROXY=direct && echo CGO_ENABLED=0 >> /etc/build.env')).toEqual(['go-libc']);
  });
});
