/** Why a split is not offered; `needsShell` asks the assembler to retry with an image that has a shell. */
export class Declined {
  constructor(readonly reason: string, readonly needsShell = false) {}
}
