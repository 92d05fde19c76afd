// The client's dispatcher: a pool straight to the API origin, or an undici ProxyAgent that
// tunnels to it through an HTTP(S) proxy with CONNECT. A client talks to one origin only, so the
// route is decided once, when the client is built.
//
// What a proxy can see: the host and port named in CONNECT, and the Proxy-Authorization header.
// The bearer token travels inside the TLS tunnel to the API. Plain-http targets are allowed only
// on loopback, and loopback never goes through a proxy, so the token is never handed to a proxy
// in clear text.
import { Pool, ProxyAgent, type Dispatcher } from 'undici';
import { ConfigError } from './errors';
import type { Timeouts } from './failures';
import { tlsTrustOptions, trustedCertificates } from './tls';
import { isLoopbackHost } from './url';

export interface ProxyOptions {
  /** http:// or https:// proxy. Credentials in it become a Basic Proxy-Authorization header. */
  url: string;
  /**
   * Hosts reached directly: "example.com" (also its subdomains), ".example.com", "*.example.com",
   * "host:port", or "*" for all. Loopback is always reached directly.
   */
  noProxy?: readonly string[];
  /**
   * false: do not verify the certificate of an https:// proxy itself (VS Code's
   * http.proxyStrictSSL). The Enclave API's certificate is verified regardless.
   */
  strictSSL?: boolean;
  /** Sent verbatim as Proxy-Authorization to the proxy (VS Code's http.proxyAuthorization). */
  authorization?: string;
}

export interface DispatcherOptions {
  connections: number;
  timeouts: Timeouts;
  proxy?: ProxyOptions;
  ca?: readonly string[];
  systemCertificates?: boolean;
}

export type Route = { readonly kind: 'direct'; readonly reason: 'no proxy' | 'loopback' | 'noProxy' } | { readonly kind: 'proxy'; readonly proxy: string };

/** How requests to `origin` travel; `proxy` is shown without credentials, fit for a log. */
export function proxyRoute(origin: string, proxy: ProxyOptions | undefined): Route {
  if (!proxy?.url) return { kind: 'direct', reason: 'no proxy' };
  const target = new URL(origin);
  if (isLoopbackHost(target.hostname)) return { kind: 'direct', reason: 'loopback' };
  if (bypasses(target, proxy.noProxy ?? [])) return { kind: 'direct', reason: 'noProxy' };
  return { kind: 'proxy', proxy: withoutCredentials(parseProxyUrl(proxy.url)) };
}

export function createDispatcher(origin: string, options: DispatcherOptions): Dispatcher {
  const { connectMs, headersMs, bodyMs } = options.timeouts;
  // rejectUnauthorized is spelled out so NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment
  // cannot switch off the check of the API's certificate either.
  const trust = { ...tlsTrustOptions(trustedCertificates({ ca: options.ca, systemCertificates: options.systemCertificates })), rejectUnauthorized: true };
  const pool = { connections: options.connections, headersTimeout: headersMs, bodyTimeout: bodyMs };
  const route = proxyRoute(origin, options.proxy);
  if (route.kind === 'direct' || !options.proxy) return new Pool(origin, { ...pool, connect: { timeout: connectMs, ...trust } });
  const proxy = options.proxy;
  return new ProxyAgent({
    ...pool,
    uri: parseProxyUrl(proxy.url).href,
    token: proxy.authorization?.trim() || undefined,
    // The proxy must answer CONNECT within the connect timeout, not undici's default 5 minutes.
    clientFactory: (proxyOrigin, opts) => new Pool(proxyOrigin, { ...opts, headersTimeout: connectMs }),
    // TLS to an https:// proxy: strictSSL=false skips verifying the proxy's own certificate only.
    proxyTls: { timeout: connectMs, ...trust, rejectUnauthorized: proxy.strictSSL !== false },
    // TLS to the Enclave API inside the tunnel: always verified. The token crosses this channel,
    // so an inspecting proxy must be trusted through its CA (NODE_EXTRA_CA_CERTS, the OS store,
    // or `ca`), never by switching verification off.
    requestTls: { timeout: connectMs, ...trust },
  });
}

function parseProxyUrl(text: string): URL {
  let url: URL;
  try {
    // Environment variables often name a proxy without a scheme ("proxy:3128"), as curl accepts.
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    throw new ConfigError('The proxy setting is not a valid URL (http.proxy or HTTPS_PROXY)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`The proxy ${withoutCredentials(url)} uses ${url.protocol} — only http:// and https:// proxies are supported`);
  }
  return url;
}

function withoutCredentials(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/** VS Code's matching (a name covers its subdomains; an optional port must match), plus "*.". */
function bypasses(target: URL, noProxy: readonly string[]): boolean {
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  return noProxy.some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (entry === '*') return true;
    const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry);
    if (!m) return false;
    const name = m[1].replace(/^\[|\]$/g, '').replace(/^\*?\./, '');
    if (!name || (m[2] && m[2] !== port)) return false;
    return host === name || host.endsWith(`.${name}`);
  });
}
