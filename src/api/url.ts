// Base-URL validation and path/query building. The token goes only to the origin checked here,
// and only in a header: nothing secret is ever put in a URL.
import { ConfigError, InsecureUrlError } from './errors';

export const DEFAULT_BASE_URL = 'https://api.enclave.io';

export interface ParsedBaseUrl {
  /** scheme://host[:port], e.g. 'https://api.enclave.io'. */
  origin: string;
  /** Path prefix without a trailing slash ('' for the root). */
  prefix: string;
}

export function parseBaseUrl(baseUrl: string = DEFAULT_BASE_URL): ParsedBaseUrl {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ConfigError(`The Enclave API URL is not a valid URL: ${JSON.stringify(baseUrl.slice(0, 200))}`);
  }
  if (url.username || url.password) throw new ConfigError('The Enclave API URL must not contain a user name or password');
  if (url.search || url.hash) throw new ConfigError('The Enclave API URL must not contain a query or fragment');
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) throw new InsecureUrlError(url.origin);
  } else if (url.protocol !== 'https:') {
    throw new ConfigError(`The Enclave API URL must use https: (got ${url.protocol})`);
  }
  return { origin: url.origin, prefix: url.pathname.replace(/\/+$/, '') };
}

/** 127.0.0.0/8, ::1 and localhost: traffic that never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return m !== null && m.slice(1).every((octet) => Number(octet) <= 255);
}

/** One path segment, encoded so an id can never add a segment or a query. */
export function seg(value: string | number): string {
  const text = String(value);
  if (text === '' || text === '.' || text === '..') throw new ConfigError(`Not a valid id: ${JSON.stringify(text)}`);
  return encodeURIComponent(text);
}

export type QueryValue = string | number | boolean | undefined | null;

/** `path?a=1&b=x` with the defined entries appended (to a query the path may already have). */
export function withQuery(path: string, query: Record<string, QueryValue> | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.append(k, String(v));
  const text = params.toString();
  if (!text) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${text}`;
}

/** Maps the camelCase list query of the SDK to the API's snake_case parameters. */
export function listQuery(query: {
  page?: number;
  perPage?: number;
  search?: string;
  sort?: string;
  includeDisabled?: boolean;
  enrolmentKey?: number;
  dns?: string;
} = {}): Record<string, QueryValue> {
  return {
    search: query.search,
    include_disabled: query.includeDisabled ? true : undefined,
    sort: query.sort,
    enrolment_key: query.enrolmentKey,
    dns: query.dns,
    page: query.page,
    per_page: query.perPage,
  };
}
