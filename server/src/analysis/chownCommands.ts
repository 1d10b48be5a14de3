/**
 * `chown` commands of a RUN: owner, recursion and the absolute paths they change (relative operands
 * resolved against the working directory, `cd` inside the script followed). Used to tell whether a COPY's
 * files end up owned by someone else, and to fold `RUN chown -R` into `COPY --chown`.
 */
import { ObjectMemo } from './memo';
import type { DockerfileModel, Instr } from './model';
import { joinPath, workdirAt } from './paths';
import { shellScriptsOf, type RunScript } from './runScript';
import { commandArgs, commandName, type ShellCommand } from './shell';
import { wordResolver } from './users';

export interface ChownCommand {
  readonly instr: Instr;
  readonly script: RunScript;
  readonly command: ShellCommand;
  /** The owner as written (`app:app`, `1000`, `$APP_USER` from ARG/ENV); undefined for `--reference` or a value only the shell knows. */
  readonly owner: string | undefined;
  readonly recursive: boolean;
  /** Absolute paths; a path with an unknown part is left out (see `unknownPaths`). */
  readonly paths: readonly string[];
  readonly unknownPaths: boolean;
}

const cache = new ObjectMemo<Instr, readonly ChownCommand[]>();

export function chownCommands(model: DockerfileModel, instr: Instr): readonly ChownCommand[] {
  const hit = cache.get(instr);
  if (hit) return hit;
  const out: ChownCommand[] = [];
  const resolve = wordResolver(model, instr);
  for (const script of shellScriptsOf(model, instr)) {
    let cwd = workdirAt(model, instr);
    for (const command of script.script.commands) {
      const name = commandName(command);
      const args = commandArgs(command);
      if (name === 'cd') {
        const target = args[0] ? resolve(args[0]) : undefined;
        cwd = target === undefined ? undefined : target.startsWith('/') ? joinPath('/', target) : cwd !== undefined ? joinPath(cwd, target) : undefined;
        continue;
      }
      if (name !== 'chown') continue;
      const operands = args.filter((w) => !w.value.startsWith('-'));
      const recursive = args.some((w) => w.value === '--recursive' || /^-[A-Za-z]*R/.test(w.value));
      const reference = args.some((w) => w.value.startsWith('--reference'));
      // `$APP_USER` from ARG/ENV works in `COPY --chown` too; a shell variable or `$(id -u)` does not.
      const ownerWord = reference ? undefined : operands[0];
      const owner = !ownerWord ? undefined : !ownerWord.expansion ? ownerWord.value
        : resolve(ownerWord) !== undefined && !/\$\(|`/.test(ownerWord.value) ? ownerWord.value : undefined;
      const paths: string[] = [];
      let unknownPaths = false;
      for (const w of operands.slice(reference ? 0 : 1)) {
        const v = resolve(w);
        if (v === undefined || /[*?[]/.test(v)) unknownPaths = true;
        else if (v.startsWith('/')) paths.push(joinPath('/', v));
        else if (cwd !== undefined) paths.push(joinPath(cwd, v));
        else unknownPaths = true;
      }
      out.push({ instr, script, command, owner, recursive, paths, unknownPaths });
    }
  }
  cache.set(instr, out);
  return out;
}
