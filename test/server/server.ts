// MockEnclaveServer: an Enclave-compatible management API on loopback, over Node's own http
// (or https, with `tls`).
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { TokenRegistry } from './auth';
import { Fault, FaultOptions, FaultQueue } from './faults';
import type { Reply } from './http';
import { problem } from './problems';
import { RequestLog, RequestLogEntry } from './request-log';
import { applyFault, send, toWire } from './responder';
import { buildRouter } from './routes';
import { isLoopback, simRoute, SimTarget } from './sim';
import { Store } from './store';
import type { SimClock } from './clock';

export interface MockServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  seed?: number;
  orgs?: number;
  systemsPerOrg?: number;
  keysPerOrg?: number;
  unapprovedPerOrg?: number;
  latencyMs?: number;
  /** Epoch ms the seed data is timed against; default: a fixed instant derived from the seed. */
  now?: number;
  /** Serve HTTPS with this PEM key and certificate (url becomes https://). Default: plain HTTP. */
  tls?: { key: string; cert: string };
}

export interface TokenOptions {
  orgIds?: string[];
  noOrgList?: boolean;
  forbiddenOrgIds?: string[];
  /** The activity log's userName for changes made with this token; default "API token". */
  userName?: string;
}

type DataOptions = Required<Pick<MockServerOptions, 'seed' | 'orgs' | 'systemsPerOrg' | 'keysPerOrg' | 'unapprovedPerOrg'>> & { now?: number };

const DEFAULTS: DataOptions = { seed: 1, orgs: 3, systemsPerOrg: 60, keysPerOrg: 12, unapprovedPerOrg: 4 };
const MAX_BODY = 10 * 1024 * 1024;

export class MockEnclaveServer implements SimTarget {
  readonly url: string;
  /** Sees every organisation. */
  readonly token: string;
  /** Sees only the first organisation; others answer 404 as the API does without access. */
  readonly limitedToken: string;
  private data: DataOptions;
  private current: Store;
  private latencyMs: number;
  private closed = false;
  private readonly tokens = new TokenRegistry();
  private readonly log = new RequestLog();
  private readonly faults = new FaultQueue();
  private readonly router = buildRouter();
  private readonly sockets = new Set<Socket>();
  private readonly stalled = new Set<ServerResponse>();
  private readonly timers = new Set<{ timer: NodeJS.Timeout; resolve: (ok: boolean) => void }>();

  private constructor(private readonly http: Server, options: MockServerOptions) {
    this.data = pickData({ ...DEFAULTS, ...options });
    this.current = Store.generate(this.data);
    this.latencyMs = options.latencyMs ?? 0;
    this.token = this.tokens.issue({ orgs: 'all', noOrgList: false });
    this.limitedToken = this.tokens.issue({ orgs: 'first', noOrgList: false });
    const address = http.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const host = options.host ?? '127.0.0.1';
    this.url = `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
    http.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    http.on('request', (req: IncomingMessage, res: ServerResponse) => {
      this.onRequest(req, res).catch((e: unknown) => {
        if (!res.headersSent) send(res, toWire(problem(500, `Mock server error: ${(e as Error).message}`)));
      });
    });
  }

  static async start(options: MockServerOptions = {}): Promise<MockEnclaveServer> {
    const http: Server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }) : createServer();
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        http.off('error', reject);
        resolve();
      });
    });
    return new MockEnclaveServer(http, options);
  }

  /** Direct state access for assertions and set-up. After editing entities directly, call store.changed(org). */
  get store(): Store {
    return this.current;
  }
  /**
   * The simulated now (the store's clock): `clock.advance(ms)`, `clock.set(instant)`,
   * `clock.freeze()`. Timed expiries that become due are applied at once. A reset starts a new
   * clock at the new data's instant.
   */
  get clock(): SimClock {
    return this.current.clock;
  }
  get requests(): ReadonlyArray<RequestLogEntry> {
    return this.log.entries;
  }
  get pendingFaults(): number {
    return this.faults.pending;
  }

  /**
   * A new token; by default it sees all orgs. `noOrgList` lacks the scope for GET /account/orgs
   * (403); `forbiddenOrgIds` are listed by /account/orgs but answer 403 to every /org/{id} request.
   */
  addToken(options: TokenOptions = {}): string {
    return this.tokens.issue({
      orgs: options.orgIds ? [...options.orgIds] : 'all',
      noOrgList: options.noOrgList ?? false,
      forbidden: options.forbiddenOrgIds ? [...options.forbiddenOrgIds] : undefined,
      userName: options.userName,
    });
  }
  /** Later requests with the token answer 401. */
  revokeToken(token: string): void {
    this.tokens.revoke(token);
  }
  clearRequests(): void {
    this.log.clear();
  }
  /** Added before every API request is answered. */
  setLatency(ms: number): void {
    this.latencyMs = Math.max(0, ms);
  }
  injectFault(fault: Fault, options?: FaultOptions): void {
    this.faults.add(fault, options);
  }
  clearFaults(): void {
    this.faults.clear();
  }

  /** Regenerates the data (tokens, faults and the log stay). */
  reset(options: Partial<MockServerOptions> = {}): void {
    this.data = pickData({ ...this.data, ...options });
    this.current = Store.generate(this.data);
    if (options.latencyMs !== undefined) this.setLatency(options.latencyMs);
  }

  /** Stops listening and destroys every connection, stalled ones included. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) {
      clearTimeout(t.timer);
      t.resolve(false);
    }
    this.timers.clear();
    const done = new Promise<void>((resolve) => this.http.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    this.stalled.clear();
    await done;
  }

  private sleep(ms: number): Promise<boolean> {
    if (ms <= 0 || this.closed) return Promise.resolve(!this.closed);
    return new Promise((resolve) => {
      const entry = { timer: setTimeout(() => { this.timers.delete(entry); resolve(!this.closed); }, ms), resolve };
      this.timers.add(entry);
    });
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    if (url.pathname === '/__sim' || url.pathname.startsWith('/__sim/')) {
      send(res, toWire(isLoopback(req.socket.remoteAddress) ? simRoute(this, method, url.pathname, rawBody ?? '') : { status: 404 }));
      return;
    }
    const entry = this.log.record(req, url, rawBody ?? '');
    if (rawBody === undefined) {
      entry.status = 413;
      send(res, toWire(problem(413, `Request bodies are limited to ${MAX_BODY} bytes.`)));
      return;
    }
    if (!(await this.sleep(this.latencyMs))) return;
    const compute = (): Reply => {
      // The API expires items in the background; answering after a sweep looks the same.
      this.current.expireDue();
      return this.router.dispatch({ method, url, headers: req.headers, rawBody, remoteAddress: req.socket.remoteAddress }, {
        store: this.current, tokens: this.tokens, baseUrl: this.url,
      });
    };
    const fault = this.faults.take(method, url.pathname);
    if (fault) {
      entry.fault = fault.kind;
      entry.status = await applyFault(fault, { req, res, compute, stalled: this.stalled, sleep: (ms) => this.sleep(ms) });
      return;
    }
    const reply = compute();
    entry.status = reply.status;
    send(res, toWire(reply));
  }
}

function pickData(o: DataOptions & MockServerOptions): DataOptions {
  return { seed: o.seed, orgs: o.orgs, systemsPerOrg: o.systemsPerOrg, keysPerOrg: o.keysPerOrg, unapprovedPerOrg: o.unapprovedPerOrg, now: o.now };
}

/** The body as text, or undefined when it is larger than MAX_BODY. */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY) chunks.push(chunk as Buffer);
  }
  return size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8');
}
