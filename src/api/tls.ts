// Which certificate authorities the client trusts. Verification itself is never switched off
// for the Enclave API: this only decides what it is checked against.
import * as fs from 'node:fs';
import * as tls from 'node:tls';

/** What the client needs from node:tls; a parameter so tests can play an older or newer Node. */
export interface TlsRuntime {
  readonly rootCertificates: readonly string[];
  /** Node ≥ 22.15 / 23.5 only (the extension host may run a newer Node than 20). */
  getCACertificates?(type: 'default' | 'system' | 'bundled' | 'extra'): string[];
}

export interface TrustOptions {
  /** Extra PEM certificates (e.g. a company CA), trusted on top of the defaults. */
  ca?: readonly string[];
  /** Also trust the operating system's store where this Node can read it. Default true. */
  systemCertificates?: boolean;
}

/**
 * The CA list to hand to TLS, or undefined to keep Node's default store unchanged.
 *
 * Node's default store is its bundled Mozilla list plus NODE_EXTRA_CA_CERTS. An explicit `ca`
 * *replaces* that store, so when anything is added (the OS store, the caller's `ca`) the list
 * carries the defaults too: from `getCACertificates('default')` where it exists, else from
 * `tls.rootCertificates` plus the NODE_EXTRA_CA_CERTS file read here (Node 20 has no API that
 * returns it). The file is read when the client is built, so a variable that names a file is in
 * force even where Node's own copy is not consulted.
 */
export function trustedCertificates(options: TrustOptions = {}, runtime: TlsRuntime = tls, env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const system = options.systemCertificates === false ? [] : readSafely(() => runtime.getCACertificates?.('system'));
  const extra = options.ca ?? [];
  if (system.length === 0 && extra.length === 0) return undefined;
  const defaults = readSafely(() => runtime.getCACertificates?.('default'));
  const base = defaults.length > 0 ? defaults : runtime.rootCertificates;
  return unique([...base, ...extraCaFile(env.NODE_EXTRA_CA_CERTS), ...system, ...extra]);
}

/** The certificates of a NODE_EXTRA_CA_CERTS file; none when it is unset or unreadable (Node only warns too). */
export function extraCaFile(file: string | undefined): string[] {
  if (!file) return [];
  try {
    return fs.readFileSync(file, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  } catch {
    return [];
  }
}

const contexts = new Map<string, tls.SecureContext>();

/**
 * Connect options that make TLS check against `ca`. One SecureContext per distinct list, built
 * once: parsing a few hundred certificates costs ~15 ms, too much for every connection. `ca` is
 * passed as well (Node ignores it next to `secureContext`) because VS Code's extension host
 * patches tls.connect to add OS certificates to every connection that names no `ca` — ours
 * already holds them.
 */
export function tlsTrustOptions(ca: readonly string[] | undefined): { ca?: string[]; secureContext?: tls.SecureContext } {
  if (!ca) return {};
  const key = ca.join('\n');
  let secureContext = contexts.get(key);
  if (!secureContext) {
    secureContext = tls.createSecureContext({ ca: [...ca] });
    if (contexts.size > 8) contexts.clear();
    contexts.set(key, secureContext);
  }
  return { ca: [...ca], secureContext };
}

function readSafely(read: () => readonly string[] | undefined): readonly string[] {
  try {
    return read() ?? [];
  } catch {
    return [];
  }
}

function unique(pems: readonly string[]): string[] {
  const seen = new Set<string>();
  return pems.filter((pem) => {
    const key = pem.replace(/\s+/g, '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
