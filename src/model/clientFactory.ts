/**
 * Builds API clients the same way everywhere (the session's client and sign-in's throwaway
 * one): User-Agent, token registered for redaction, VS Code's proxy and certificate settings,
 * and every request logged — method, path, status, duration; never a header, never the
 * origin's token, never the proxy's credentials.
 */
import type { ClientOptions, EnclaveClient, RequestEvent, RetryInfo, Route } from '../api';
import { detailsFor } from '../commands/describeError';
import type { Log } from '../ui/log';
import { loadApi } from './apiLoader';
import { proxySecrets, type NetworkOptions } from './proxySettings';

export interface ClientFactoryOptions {
  /** e.g. "enclave-vscode/0.1.0 (VS Code 1.95.0)": the API rejects requests without a User-Agent. */
  readonly userAgent: string;
  readonly log: Log;
  /** The proxy and certificate settings in force, read each time a client is built. */
  readonly network?: () => NetworkOptions;
}

export function createClient(factory: ClientFactoryOptions, baseUrl: string, token: string, overrides: Partial<ClientOptions> = {}): EnclaveClient {
  const { log } = factory;
  log.addSecret(token);
  const network = factory.network?.();
  for (const secret of proxySecrets(network?.proxy)) log.addSecret(secret);
  const { EnclaveClient: Client, proxyRoute } = loadApi();
  const options: ClientOptions = {
    baseUrl,
    token,
    userAgent: factory.userAgent,
    proxy: network?.proxy,
    systemCertificates: network?.systemCertificates,
    onRequest: (event) => logRequest(log, event),
    onRetry: (info) => log.info(retryLine(info)),
    ...overrides,
  };
  const client = new Client(options);
  log.debug(`Network: ${client.origin} ${describeRoute(proxyRoute(client.origin, options.proxy), network?.proxySource)}`);
  return client;
}

function describeRoute(route: Route, source: string | undefined): string {
  if (route.kind === 'proxy') return `through the proxy ${route.proxy} (from ${source ?? 'the client options'})`;
  if (route.reason === 'loopback') return 'directly (loopback is never proxied)';
  if (route.reason === 'noProxy') return 'directly (listed in http.noProxy / NO_PROXY)';
  return 'directly (no proxy configured)';
}

function logRequest(log: Log, event: RequestEvent): void {
  const status = event.status !== undefined ? String(event.status) : '—';
  const attempt = event.attempt > 1 ? ` (attempt ${event.attempt})` : '';
  const line = `${event.method} ${event.path} → ${status} in ${event.durationMs} ms${attempt}`;
  if (!event.error) log.debug(line);
  else if (event.error.kind === 'aborted') log.debug(`${line}: cancelled`);
  else log.warn(`${line}: ${detailsFor(event.error)}`);
}

/** The log line for a retry the client is about to make (the session logs its own with it too). */
export function retryLine(info: RetryInfo): string {
  return `Retrying ${info.method} ${info.path} in ${info.delayMs} ms (attempt ${info.attempt}, ${info.reason})`;
}

export function userAgentFor(extensionVersion: string, vscodeVersion: string): string {
  return `enclave-vscode/${extensionVersion} (VS Code ${vscodeVersion})`;
}
