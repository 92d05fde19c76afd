// The transport: one undici dispatcher for the API origin (direct or through a proxy: proxy.ts),
// auth + User-Agent headers, JSON in and out, timeouts, and the retry loop of retry.ts.
// Resource modules build paths and call `request`.
import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import { AbortedError, ApiError, ConfigError, EnclaveError, ResponseFormatError, type Where } from './errors';
import { fromResponse, fromThrown, redactor, type Timeouts } from './failures';
import type { CallOptions, ClientOptions, RequestEvent, RequestOptions, Transport } from './options';
import { createDispatcher } from './proxy';
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter, retryReason, sleep, type ResolvedRetryOptions } from './retry';
import { withArray } from './shapes';
import { parseBaseUrl, withQuery } from './url';
import { OrganisationsApi } from './organisations';
import { SystemsApi } from './systems';
import { UnapprovedSystemsApi } from './unapprovedSystems';
import { EnrolmentKeysApi } from './enrolmentKeys';
import { TagsApi } from './tags';
import { LogsApi } from './logs';
import type { AccountOrganisation, AccountOrganisationList } from './types';

export class EnclaveClient implements Transport {
  readonly origin: string;
  readonly pageConcurrency: number;
  readonly organisations = new OrganisationsApi(this);
  readonly systems = new SystemsApi(this);
  readonly unapprovedSystems = new UnapprovedSystemsApi(this);
  readonly enrolmentKeys = new EnrolmentKeysApi(this);
  readonly tags = new TagsApi(this);
  readonly logs = new LogsApi(this);

  private readonly prefix: string;
  private readonly headers: Record<string, string>;
  private readonly redact: (s: string) => string;
  private readonly timeouts: Timeouts;
  private readonly retry: ResolvedRetryOptions;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private disposed = false;

  constructor(private readonly options: ClientOptions) {
    const { origin, prefix } = parseBaseUrl(options.baseUrl);
    if (!options.token || /[\s\x00-\x1f\x7f]/.test(options.token)) throw new ConfigError('The Enclave token is empty or contains whitespace');
    if (!options.userAgent?.trim()) throw new ConfigError('A User-Agent is required by the Enclave API');
    this.origin = origin;
    this.prefix = prefix;
    this.headers = { authorization: `Bearer ${options.token}`, 'user-agent': options.userAgent, accept: 'application/json' };
    this.redact = redactor(options.token);
    const t = options.timeouts ?? {};
    this.timeouts = { connectMs: t.connectMs ?? 10_000, headersMs: t.headersMs ?? 30_000, bodyMs: t.bodyMs ?? 30_000 };
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.pageConcurrency = Math.max(1, options.pageConcurrency ?? 10);
    this.ownsDispatcher = !options.dispatcher;
    this.dispatcher =
      options.dispatcher ??
      createDispatcher(origin, {
        connections: Math.max(1, options.maxConnections ?? 16),
        timeouts: this.timeouts,
        proxy: options.proxy,
        ca: options.ca,
        systemCertificates: options.systemCertificates,
      });
  }

  /** Organisations the token can see (`GET /account/orgs`). */
  async getOrgs(options?: CallOptions): Promise<AccountOrganisation[]> {
    const list = await this.request<AccountOrganisationList>('GET', '/account/orgs', { ...options, expect: withArray('orgs') });
    return list.orgs;
  }

  /** Closes the client's own pool: waits briefly for requests in flight, then cuts them off. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    if (!this.ownsDispatcher) return;
    const grace = new Promise<'late'>((resolve) => setTimeout(resolve, 1000, 'late').unref());
    if ((await Promise.race([this.dispatcher.close().then(() => 'closed' as const), grace])) === 'late') await this.dispatcher.destroy();
  }

  relativeLink(link: string): string {
    // Only the path and query of a link are used, always against our own origin: a link can
    // never send the token to another host.
    const url = new URL(link, this.origin);
    const path = url.pathname.startsWith(`${this.prefix}/`) ? url.pathname.slice(this.prefix.length) : url.pathname;
    return path + url.search;
  }

  /** One API call: retried per retry.ts, reported through `onRequest` once per attempt. */
  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const where = { method, path: withQuery(path, options.query) };
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      try {
        const { status, value } = await this.attempt(where, options);
        this.report({ ...where, status, attempt, durationMs: performance.now() - started });
        return value as T;
      } catch (thrown) {
        const error = thrown instanceof EnclaveError ? thrown : fromThrown(thrown, where, this.timeouts, options.signal?.aborted === true);
        const status = error instanceof ApiError || error instanceof ResponseFormatError ? error.status : undefined;
        this.report({ ...where, status, attempt, durationMs: performance.now() - started, error });
        const reason = retryReason(method, error);
        if (!reason || attempt > this.retry.maxRetries || options.signal?.aborted) throw error;
        const retryAfter = error instanceof ApiError ? error.retryAfterMs : undefined;
        if (retryAfter !== undefined && retryAfter > this.retry.maxRetryAfterMs) throw error;
        const delayMs = retryAfter ?? backoffDelay(attempt, this.retry);
        this.options.onRetry?.({ ...where, attempt: attempt + 1, delayMs, reason });
        await sleep(delayMs, options.signal, where);
      }
    }
  }

  private async attempt(where: Where, options: RequestOptions): Promise<{ status: number; value: unknown }> {
    if (this.disposed) throw new AbortedError(where, 'The Enclave client was closed');
    if (options.signal?.aborted) throw new AbortedError(where);
    const hasBody = options.body !== undefined;
    let response: Dispatcher.ResponseData;
    let text: string;
    try {
      response = await this.dispatcher.request({
        origin: this.origin,
        path: this.prefix + where.path,
        method: where.method as Dispatcher.HttpMethod,
        headers: hasBody ? { ...this.headers, 'content-type': 'application/json' } : this.headers,
        body: hasBody ? JSON.stringify(options.body) : undefined,
        signal: options.signal,
        headersTimeout: this.timeouts.headersMs,
        bodyTimeout: this.timeouts.bodyMs,
      });
      text = await response.body.text();
    } catch (err) {
      if (this.disposed && !options.signal?.aborted) throw new AbortedError(where, 'The Enclave client was closed');
      throw fromThrown(err, where, this.timeouts, options.signal?.aborted === true);
    }
    const status = response.statusCode;
    const contentType = String(response.headers['content-type'] ?? '');
    if (status < 200 || status > 299) {
      throw fromResponse(status, contentType, text, where, this.redact, parseRetryAfter(response.headers['retry-after']));
    }
    if (text.trim() === '') {
      if (options.response === 'optional') return { status, value: undefined };
      throw new ResponseFormatError(status, 'the body was empty', where);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new ResponseFormatError(status, 'the body is not valid JSON', where);
    }
    const problem = options.expect?.(value);
    if (problem) throw new ResponseFormatError(status, problem, where);
    return { status, value };
  }

  private report(event: RequestEvent): void {
    try {
      this.options.onRequest?.({ ...event, durationMs: Math.round(event.durationMs) });
    } catch {
      // A failing log sink must not fail the request it describes.
    }
  }
}
