/**
 * The connection handed to the editor features. vscode-languageserver keeps one handler per method, so a
 * feature calling `connection.onCodeAction` or `onExecuteCommand` would silently replace the core's handler.
 * This view of the connection instead adds such handlers to lists the core dispatches to, and wraps every
 * other `on…` handler (also under `languages.*` and `workspace.*`) in `guard`, so a throwing feature
 * answers "nothing" instead of crashing the server.
 */
import type { Connection } from 'vscode-languageserver/node';
import { guard, type Logger } from './guard';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyHandler = (...args: any[]) => unknown;

/** Handlers the editor features registered for methods the core also serves. */
export class SharedHandlers {
  readonly codeAction: AnyHandler[] = [];
  readonly executeCommand: AnyHandler[] = [];
  readonly didChangeConfiguration: AnyHandler[] = [];
  readonly didChangeWatchedFiles: AnyHandler[] = [];
  readonly initialized: AnyHandler[] = [];
}

const SHARED: Record<string, keyof SharedHandlers> = {
  onCodeAction: 'codeAction',
  onExecuteCommand: 'executeCommand',
  onDidChangeConfiguration: 'didChangeConfiguration',
  onDidChangeWatchedFiles: 'didChangeWatchedFiles',
  onInitialized: 'initialized',
};

const NESTED = new Set(['languages', 'workspace', 'window', 'notebooks']);

export function featureConnection(connection: Connection, shared: SharedHandlers, log: Logger): Connection {
  return wrap(connection, '', 0) as Connection;

  function wrap(target: object, path: string, depth: number): object {
    return new Proxy(target, {
      get(obj, prop, receiver) {
        const value: unknown = Reflect.get(obj, prop, receiver);
        if (typeof prop !== 'string') return value;
        if (depth === 0 && Object.hasOwn(SHARED, prop)) {
          const list = shared[SHARED[prop]!];
          return (handler: AnyHandler) => {
            const guarded = guard(log, `${prop} (editor feature)`, null, handler);
            list.push(guarded);
            return { dispose: () => void (list.includes(guarded) && list.splice(list.indexOf(guarded), 1)) };
          };
        }
        if (typeof value === 'function' && prop.startsWith('on')) {
          return (...args: unknown[]) => (value as AnyHandler).apply(obj, args.map((a) => (typeof a === 'function' ? guard(log, `${path}${prop}`, null, a as AnyHandler) : a)));
        }
        if (value && typeof value === 'object' && (depth === 0 ? NESTED.has(prop) : depth === 1)) return wrap(value, `${path}${prop}.`, depth + 1);
        return value;
      },
    });
  }
}
