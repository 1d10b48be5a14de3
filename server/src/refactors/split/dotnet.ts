/**
 * .NET: `dotnet publish -o <dir>` writes the application; the runtime is the matching ASP.NET Core runtime image
 * (`mcr.microsoft.com/dotnet/aspnet`, which also runs console apps) and gets the published directory.
 */
import { commandArgs, commandName, findOptionIn } from '../../analysis/shell';
import { resolvePath } from './analysis';
import { runtimeImageOf, type Artifact, type EcosystemPlan, type Planner } from './plan';
import { within } from './runKinds';

export const dotnetPlanner: Planner = {
  ecosystem: 'dotnet',
  recognises: (analysis) => analysis.facts.language.name === 'dotnet',
  plan(analysis): EcosystemPlan | undefined {
    const runtime = runtimeImageOf(analysis);
    if (!runtime || analysis.facts.variant !== 'sdk') return undefined;
    const outputs: string[] = [];
    for (const [index, instr] of analysis.instrs.entries()) {
      const cmds = analysis.commands.get(instr);
      if (!cmds || analysis.runKinds.get(instr) !== 'other') continue;
      for (const cmd of cmds) {
        if (commandName(cmd) !== 'dotnet' || commandArgs(cmd)[0]?.value !== 'publish') continue;
        if (cmds.some((c) => commandName(c) === 'cd')) return undefined;
        const o = findOptionIn(commandArgs(cmd), ['-o', '--output'], true)?.value;
        const dir = o === undefined || o.includes('$') ? undefined : resolvePath(analysis.workdirBefore[index], o);
        if (dir === undefined || dir === '/') return undefined;
        outputs.push(dir);
      }
    }
    if (outputs.length === 0) return undefined;
    // The container must start something the publish wrote: `dotnet App.dll` or the apphost `./App`.
    for (const program of analysis.programs) {
      if (program.instr.keyword === 'HEALTHCHECK') continue;
      const file = program.executable === 'dotnet' ? program.args.find((a) => !a.startsWith('-')) : program.executable;
      const path = file === undefined ? undefined : resolvePath(analysis.finalWorkdir, file);
      if (!path || !outputs.some((o) => within(path, o))) return undefined;
    }
    const artifacts: Artifact[] = outputs.map((o) => ({ from: o, to: o }));
    return {
      ecosystem: 'dotnet',
      runtimeImage: runtime.reference,
      artifacts,
      afterArtifacts: [],
      builderBefore: new Map(),
      builderAfter: new Map(),
      linksLibraries: false,
      provides: (name) => name === 'dotnet',
    };
  },
};
