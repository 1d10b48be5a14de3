/**
 * Every handler runs inside `guard`: an exception (or rejected promise) is logged once and turned into an
 * empty result, so one bug in one feature never takes the whole server down with it. `ResponseError`s are
 * deliberate answers (e.g. "cannot rename here") and pass through unchanged.
 */
import { ResponseError } from 'vscode-languageserver/node';

export type Logger = (message: string) => void;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function guard<A extends any[], R, F>(log: Logger, name: string, fallback: F, handler: (...args: A) => R | Promise<R>): (...args: A) => Promise<R | F> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      log(`[${name}] ${describeError(e)}`);
      return fallback;
    }
  };
}

export function describeError(e: unknown): string {
  if (e instanceof Error) return e.stack ?? `${e.name}: ${e.message}`;
  return String(e);
}
