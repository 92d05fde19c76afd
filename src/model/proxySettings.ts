/**
 * VS Code's `http.*` network settings (and the proxy environment variables) turned into the API
 * client's `proxy` / `systemCertificates` options, the way VS Code treats them for extensions:
 * `http.proxy` first, else HTTPS_PROXY / HTTP_PROXY; `http.noProxy` when it lists anything, else
 * NO_PROXY; `http.proxySupport: off` means no proxy at all. Which hosts bypass the proxy
 * (loopback always) is decided by the client, next to the dispatcher it builds.
 *
 * No `vscode` here (the reader is httpSettings.ts), so the rules are unit-tested in plain Node.
 */
import type { ProxyOptions } from '../api';

/** The raw values of VS Code's settings, as `getConfiguration('http').get()` returns them. */
export interface HttpSettings {
  readonly proxy?: string;
  readonly noProxy?: readonly string[];
  readonly proxyStrictSSL?: boolean;
  readonly proxyAuthorization?: string | null;
  readonly proxySupport?: string;
  readonly systemCertificates?: boolean;
}

export interface NetworkOptions {
  readonly proxy?: ProxyOptions;
  /** Where the proxy came from, for the log. */
  readonly proxySource?: 'http.proxy' | 'environment';
  readonly systemCertificates: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

export function networkOptions(settings: HttpSettings, env: Env = process.env): NetworkOptions {
  const systemCertificates = settings.systemCertificates !== false;
  if (settings.proxySupport === 'off') return { systemCertificates };
  const fromSettings = settings.proxy?.trim();
  const fromEnv = firstSet(env, ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']);
  const url = fromSettings || fromEnv;
  if (!url) return { systemCertificates };
  const listed = (settings.noProxy ?? []).map((s) => s.trim()).filter((s) => s !== '');
  const noProxy = listed.length > 0 ? listed : (firstSet(env, ['no_proxy', 'NO_PROXY']) ?? '').split(/[,\s]+/).filter((s) => s !== '');
  const authorization = settings.proxyAuthorization?.trim() || undefined;
  return {
    proxy: { url, noProxy, strictSSL: settings.proxyStrictSSL !== false, authorization },
    proxySource: fromSettings ? 'http.proxy' : 'environment',
    systemCertificates,
  };
}

/**
 * What must never be written to the log: the Proxy-Authorization value (and its credential
 * part) and the password in the proxy URL, raw and decoded.
 */
export function proxySecrets(proxy: ProxyOptions | undefined): string[] {
  if (!proxy) return [];
  const secrets: string[] = [];
  if (proxy.authorization) secrets.push(proxy.authorization, proxy.authorization.replace(/^\S+\s+/, ''));
  const password = /^[a-z][a-z0-9+.-]*:\/\/[^/@]*?:([^/@]*)@/i.exec(proxy.url)?.[1];
  if (password) {
    secrets.push(password);
    try {
      secrets.push(decodeURIComponent(password));
    } catch {
      // Not percent-encoded: the raw form is all there is.
    }
  }
  return secrets;
}

function firstSet(env: Env, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}
