/**
 * Final images that run as root: the user at the end of each target's chain is `root`/`0` — set by a USER,
 * or the curated base image's default when no USER is set. Silent (no finding) whenever that is not
 * certain: an uncurated base (it may set USER), a variable, a Windows image (different account model), or an
 * image that drops privileges when it starts (`gosu`, `su-exec`, `setpriv`, `s6-setuidgid`, `chpst -u`,
 * `runuser`), as the official database images do.
 */
import type { ImageFacts } from './baseImages';
import { imagePurpose } from './buildTools';
import { baseFactsOf, chainInstructions, rootImageText } from './finalImage';
import type { DockerfileModel, Instr, Stage } from './model';
import { accountEventsOf, effectiveUser, isRoot } from './users';

export interface RootFinalImage {
  readonly target: Stage;
  readonly facts: ImageFacts;
  readonly image: string;
  /** The USER instruction that sets root, when one does. */
  readonly userInstr: Instr | undefined;
  readonly user: string;
  /** A non-root account the Dockerfile creates in the chain (a fix can switch to it). */
  readonly createdUser: string | undefined;
}

const PRIVILEGE_DROP = /\b(gosu|su-exec|setpriv|s6-setuidgid|setuidgid|chpst|runuser|su)\b/;

export function rootFinalImages(model: DockerfileModel): RootFinalImage[] {
  const out: RootFinalImage[] = [];
  for (const target of model.targets) {
    const facts = baseFactsOf(model, target);
    if (facts.family === 'windows') continue;
    const eff = effectiveUser(model, target);
    if (isRoot(eff.user) !== 'yes') continue;
    if (!eff.instr && !facts.known) continue;
    const instrs = chainInstructions(target);
    if (instrs.some((i) => ['RUN', 'ENTRYPOINT', 'CMD', 'COPY'].includes(i.keyword) && PRIVILEGE_DROP.test(model.textOf(i.range)))) continue;
    // Base and tool images (no CMD/ENTRYPOINT of their own, a shell or REPL, a build environment) are
    // extended or run interactively; the images built on them set the user.
    if (imagePurpose(model, target) !== 'application') continue;
    let createdUser: string | undefined;
    let serviceUser: string | undefined;
    for (const i of instrs) {
      for (const e of accountEventsOf(model, i)) {
        const a = e.account;
        if (a?.kind !== 'user' || a.membership || a.name === undefined || isRoot(a.name) !== 'no') continue;
        if (a.system) serviceUser = a.name;
        else createdUser = a.name;
      }
    }
    // An entrypoint script in an image that creates an account but never switches to it: the script drops
    // privileges to it at start-up (the official database images do it with gosu/setpriv inside the script).
    const entrypoint = [...instrs].reverse().find((i) => i.keyword === 'ENTRYPOINT');
    if (entrypoint && (createdUser ?? serviceUser) !== undefined && /(^|[\/"' ])[\w.-]*entrypoint[\w.-]*/i.test(model.textOf(entrypoint.range)) && !eff.instr) continue;
    createdUser ??= serviceUser;
    out.push({ target, facts, image: rootImageText(target) ?? facts.repository, userInstr: eff.instr, user: eff.written ?? eff.user ?? 'root', createdUser });
  }
  return out;
}
