/**
 * Where a token may be sent. The API client enforces the same rule when it is built (and throws
 * InsecureUrlError); this copy lets sign-in refuse with a clear sentence before the user pastes a
 * token, without loading the client bundle. Kept vscode-free for the unit tests.
 */

/** 127.0.0.0/8, ::1 and localhost: traffic that never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return m !== null && m.slice(1).every((octet) => Number(octet) <= 255);
}

export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Why a token must not be sent to `url`, or undefined when it may. */
export function unsafeApiUrlReason(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `The Enclave API URL "${url}" is not a valid URL. Fix the "enclave.apiUrl" setting.`;
  }
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) return undefined;
  return `The Enclave API URL ${parsed.origin} does not use HTTPS, so the token would travel unprotected. Use an https:// address in the "enclave.apiUrl" setting (plain http is allowed only for localhost).`;
}
