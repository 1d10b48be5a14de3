/**
 * Java: Maven or Gradle builds a jar; the runtime is the JRE of the same JDK (`eclipse-temurin:<version>-jre`)
 * and gets the jar the container starts with `java -jar`, at the same path.
 */
import { commandArgs, commandName } from '../../analysis/shell';
import type { SplitAnalysis } from './analysis';
import { inTree, runtimePath, writtenByBuild } from './compiled';
import { runtimeImageOf, type Artifact, type EcosystemPlan, type Planner } from './plan';
import { dedupe } from './rust';

const MAVEN_GOALS = new Set(['package', 'install', 'verify']);
const GRADLE_TASKS = new Set(['build', 'assemble', 'bootJar', 'jar', 'shadowJar']);

function builds(analysis: SplitAnalysis): boolean {
  for (const [instr, cmds] of analysis.commands) {
    if (analysis.runKinds.get(instr) !== 'other') continue;
    for (const cmd of cmds) {
      const name = commandName(cmd);
      const args = commandArgs(cmd).map((w) => w.value);
      if ((name === 'mvn' || name === 'mvnw') && args.some((a) => MAVEN_GOALS.has(a))) return true;
      if ((name === 'gradle' || name === 'gradlew') && args.some((a) => GRADLE_TASKS.has(a.replace(/^:/, '')))) return true;
    }
  }
  return false;
}

export const javaPlanner: Planner = {
  ecosystem: 'java',
  recognises: (analysis) => analysis.facts.language.name === 'java',
  plan(analysis): EcosystemPlan | undefined {
    const runtime = runtimeImageOf(analysis);
    if (!runtime || analysis.facts.variant !== 'sdk' || !builds(analysis)) return undefined;
    const artifacts: Artifact[] = [];
    for (const program of analysis.programs) {
      if (program.instr.keyword === 'HEALTHCHECK') continue;
      if (program.executable !== 'java') return undefined;
      const at = program.args.indexOf('-jar');
      const jar = at >= 0 ? program.args[at + 1] : undefined;
      if (!jar || jar.includes('$')) return undefined;
      const path = runtimePath(analysis, jar);
      if (!path) return undefined;
      if (!inTree(analysis, path) && !writtenByBuild(analysis, path)) return undefined;
      // A glob (`target/*.jar`, shell form) is copied into its directory.
      artifacts.push(/[*?[]/.test(path) ? { from: path, to: path.slice(0, path.lastIndexOf('/') + 1) } : { from: path, to: path });
    }
    if (artifacts.length === 0) return undefined;
    return {
      ecosystem: 'java',
      runtimeImage: runtime.reference,
      artifacts: dedupe(artifacts),
      afterArtifacts: [],
      builderBefore: new Map(),
      builderAfter: new Map(),
      linksLibraries: false,
      provides: (name) => name === 'java',
    };
  },
};
