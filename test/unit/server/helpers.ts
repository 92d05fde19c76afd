// Shared test helpers: a fetch wrapper that sends what the real client sends (User-Agent, token).
import { MockEnclaveServer, MockServerOptions } from '../../server';

export const UA = 'enclave-vscode-tests/0.1';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // Tests read wire JSON loosely; assertions check the values.
  json: any;
}

export interface CallOptions {
  token?: string | null;
  headers?: Record<string, string>;
  /** A raw string is sent as is; anything else is JSON-encoded. */
  body?: unknown;
}

export async function call(server: MockEnclaveServer, method: string, path: string, o: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'user-agent': UA, ...o.headers };
  const token = o.token === undefined ? server.token : o.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (o.body !== undefined) {
    body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  const res = await fetch(server.url + path, { method, headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Starts a server for one describe block and closes it afterwards. */
export function useServer(options: MockServerOptions = {}): { readonly server: MockEnclaveServer; readonly org: string } {
  const box: { server?: MockEnclaveServer } = {};
  before(async () => {
    box.server = await MockEnclaveServer.start({ port: 0, ...options });
  });
  after(async () => {
    await box.server?.close();
  });
  return {
    get server(): MockEnclaveServer {
      if (!box.server) throw new Error('server not started');
      return box.server;
    },
    get org(): string {
      if (!box.server) throw new Error('server not started');
      return box.server.store.orgs[0].id;
    },
  };
}
