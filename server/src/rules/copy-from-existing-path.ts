import { missingSources } from '../analysis/missingSources';
import { stagePhrase, upperFirst } from '../analysis/stageLabel';
import { defineRule } from '../engine/defineRule';

export default defineRule({
  id: 'copy-from-existing-path',
  meta: {
    category: 'correctness',
    defaultSeverity: 'warning',
    recommended: true,
    fix: 'none',
    since: '0.1.0',
    stability: 'stable',
    sources: [],
    messages: {
      neverCreated: "'{{path}}' does not exist in {{stage}}: nothing there creates it{{hint}}, so the build fails",
      discarded:
        "'{{path}}' does not exist in {{stage}}: it is written under the {{type}} mount '{{target}}' (line {{line}}), whose contents are not kept in the image, so the build fails",
    },
    docs: {
      summary: 'COPY --from must name a path that the source stage creates',
      rationale:
        'BuildKit resolves `COPY --from=builder <src>` against the final filesystem of the source stage and ' +
        'fails ("failed to compute cache key: … not found") when the path is not there. Typical causes: the ' +
        'builder works in another directory (`WORKDIR /usr/src/app`, but the copy reads `/app/dist`); a ' +
        'relative source, which `COPY --from` resolves from the root of the stage and not from its WORKDIR ' +
        "(`COPY --from=build target/app.jar .` reads `/target/app.jar`); or output written under a " +
        '`RUN --mount=type=cache` target, which is not part of the image.\n\n' +
        'The rule knows what a stage creates: WORKDIR, COPY/ADD destinations, `-o`/`--output` of build ' +
        'commands, `mkdir`, `pip install --user` (`$HOME/.local`), npm/yarn/pnpm installs (`node_modules`), ' +
        '`mvn package` (`target/`), gradle (`build/`), `cargo build` (`target/`), `dotnet publish -o`, ' +
        'anything a build tool may write in its working directory, and every absolute path a command names. ' +
        'It only checks application paths (`/app`, `/src`, `/build`, `/dist`, `/out`, `/workspace`, ' +
        '`/home/<user>`, `/opt/<name>`, relative sources), never system paths an image may ship (`/usr`, ' +
        '`/etc`, …), and stays silent when the source stage runs a script from the context, builds in `/` or ' +
        'in an unknown directory, or is based on an image that is not curated.',
      examples: {
        invalid: ['FROM node:20 AS build\nWORKDIR /usr/src/app\nCOPY . .\nRUN npm ci && npm run build\n\nFROM nginx:alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n'],
        valid: ['FROM node:20 AS build\nWORKDIR /usr/src/app\nCOPY . .\nRUN npm ci && npm run build\n\nFROM nginx:alpine\nCOPY --from=build /usr/src/app/dist /usr/share/nginx/html\n'],
      },
    },
  },
  check({ model, report }) {
    for (const m of missingSources(model)) {
      const stage = m.flow.from!;
      const related = [{ range: stage.name?.range ?? stage.from.range, message: upperFirst(stagePhrase(stage)) }];
      if (m.status.reason === 'discarded' && m.status.mount) {
        const mount = m.status.mount;
        related.push({ range: mount.instr.range, message: `The ${mount.type} mount on '${mount.target}' is not part of the image` });
        report({
          messageId: 'discarded',
          data: { path: m.path, stage: stagePhrase(stage), type: mount.type, target: mount.target, line: mount.instr.range.start.line + 1 },
          range: m.source.source.range,
          related,
        });
        continue;
      }
      const hint = m.source.relative && m.workdir && m.workdir !== '/'
        ? ` (COPY --from reads relative paths from the root of the stage, not from its WORKDIR '${m.workdir}')`
        : m.workdir && m.workdir !== '/' ? ` (its WORKDIR is '${m.workdir}')` : '';
      report({ messageId: 'neverCreated', data: { path: m.path, stage: stagePhrase(stage), hint }, range: m.source.source.range, related });
    }
  },
});
