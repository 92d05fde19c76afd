// Purpose-built loopback HTTP servers for wire-level client tests (exact headers, stalls,
// resets), plus helpers shared by the API tests.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { EnclaveClient, type ClientOptions, type RequestEvent } from '../../../src/api';

/** Shaped like a real personal access token (63 alphanumerics), so leaks are easy to spot. */
export const TOKEN = 'tok9ZqW3x7LmN2pR8sV4yB6cD1fG5hJ0kT3uX9wE7aQ2zS8vN4mL6pR1oI5eU3';

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Set when the client hung up before the handler answered. */
  aborted: boolean;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, seen: SeenRequest) => void | Promise<void>;

export interface TestServer {
  url: string;
  port: number;
  requests: SeenRequest[];
  sockets: Set<Socket>;
  close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const seen: SeenRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString(), aborted: false };
      requests.push(seen);
      res.on('close', () => {
        if (!res.writableFinished) seen.aborted = true;
      });
      void Promise.resolve(handler(req, res, seen)).catch((err: unknown) => {
        res.statusCode = 599;
        res.end(String(err));
      });
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    sockets,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

export function page<T>(items: T[], pageNo: number, lastPage: number, total = items.length): unknown {
  return {
    metadata: { total, firstPage: 0, prevPage: pageNo > 0 ? pageNo - 1 : null, lastPage, nextPage: pageNo < lastPage ? pageNo + 1 : null },
    links: { first: '', prev: null, next: null, last: '' },
    items,
  };
}

export interface ClientHarness {
  client: EnclaveClient;
  events: RequestEvent[];
  retries: { attempt: number; delayMs: number; reason: string }[];
}

export function makeClient(baseUrl: string, overrides: Partial<ClientOptions> = {}): ClientHarness {
  const events: RequestEvent[] = [];
  const retries: ClientHarness['retries'] = [];
  const client = new EnclaveClient({
    baseUrl,
    token: TOKEN,
    userAgent: 'enclave-vscode-tests/0.0.0',
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    onRequest: (e) => events.push(e),
    onRetry: (r) => retries.push(r),
    ...overrides,
  });
  return { client, events, retries };
}

/** Resolves to what `promise` rejected with; fails the test if it resolved. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  assert.fail('expected the call to fail, but it succeeded');
}

/** Walks an error (own properties, enumerable or not, message, stack, cause chain) for the token. */
export function assertNoToken(value: unknown, token: string = TOKEN): void {
  const seen = new Set<unknown>();
  const visit = (v: unknown, where: string): void => {
    if (typeof v === 'string') {
      assert.ok(!v.includes(token), `token found at ${where}`);
      assert.ok(!v.includes(token.slice(0, 16)), `token prefix found at ${where}`);
      return;
    }
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    for (const key of Reflect.ownKeys(v)) {
      let child: unknown;
      try {
        child = (v as Record<string | symbol, unknown>)[key];
      } catch {
        continue;
      }
      visit(child, `${where}.${String(key)}`);
    }
  };
  visit(value, 'value');
  if (value instanceof Error) visit(String(value.stack), 'stack');
  let json = '';
  try {
    json = JSON.stringify(value) ?? '';
  } catch {
    json = '';
  }
  assert.ok(!json.includes(token), 'token found in JSON');
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
