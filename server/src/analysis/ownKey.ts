/**
 * Lookups in tables keyed by what a Dockerfile says (command, package, user, platform and subcommand names). A
 * plain object literal answers `table['constructor']`, `table['toString']` or `table['__proto__']` with a member of
 * Object.prototype, which `RUN constructor -x` or `USER toString` would turn into a crash or a wrong finding; `own`
 * answers undefined, as for any other unknown key.
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
