/**
 * The sidebar's only way to the server: google.script.run, typed by the server's public surface.
 * `import type` keeps server code out of the sidebar bundle; renaming or changing a server
 * function breaks this client's compile instead of failing in production.
 */
import type { Api } from '../main';

type ServerName = keyof Api;

/** Each server function as the sidebar sees it: same arguments, result as a promise. */
export type Server = {
  [Name in ServerName]: (...args: Parameters<Api[Name]['run']>) => Promise<ReturnType<Api[Name]['run']>>;
};

/** The part of google.script.run the sidebar uses (HtmlService's client API). */
type ScriptRun = Record<ServerName, (...args: unknown[]) => void> & {
  withSuccessHandler(handler: (result: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
};

/** The part of google.script.host the sidebar uses: giving keyboard focus back to the sheet. */
interface ScriptHost {
  editor: { focus(): void };
}

declare const google: { script: { run: ScriptRun; host: ScriptHost } };

export function host(): ScriptHost {
  return google.script.host;
}

function call(name: ServerName, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    google.script.run.withSuccessHandler(resolve).withFailureHandler(reject)[name](...args);
  });
}

export const server = new Proxy({} as Server, {
  get: (_target, name) => (typeof name === 'string' ? (...args: unknown[]) => call(name as ServerName, args) : undefined),
});

/** The sentence a server error carries, without the "Error: " or "Exception: " Apps Script may prefix. */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^(Error|Exception):\s*/, '');
}
