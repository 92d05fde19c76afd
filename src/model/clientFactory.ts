/**
 * Builds API clients the same way everywhere (the session's client and sign-in's throwaway
 * one): User-Agent, token registered for redaction, and every request logged — method, path,
 * status, duration; never a header, never the origin's token.
 */
import type { ClientOptions, EnclaveClient, RequestEvent, RetryInfo } from '../api';
import { detailsFor } from '../commands/describeError';
import type { Log } from '../ui/log';
import { loadApi } from './apiLoader';

export interface ClientFactoryOptions {
  /** e.g. "enclave-vscode/0.1.0 (VS Code 1.95.0)": the API rejects requests without a User-Agent. */
  readonly userAgent: string;
  readonly log: Log;
}

export function createClient(factory: ClientFactoryOptions, baseUrl: string, token: string, overrides: Partial<ClientOptions> = {}): EnclaveClient {
  const { log } = factory;
  log.addSecret(token);
  const { EnclaveClient: Client } = loadApi();
  return new Client({
    baseUrl,
    token,
    userAgent: factory.userAgent,
    onRequest: (event) => logRequest(log, event),
    onRetry: (info) => logRetry(log, info),
    ...overrides,
  });
}

function logRequest(log: Log, event: RequestEvent): void {
  const status = event.status !== undefined ? String(event.status) : '—';
  const attempt = event.attempt > 1 ? ` (attempt ${event.attempt})` : '';
  const line = `${event.method} ${event.path} → ${status} in ${event.durationMs} ms${attempt}`;
  if (!event.error) log.debug(line);
  else if (event.error.kind === 'aborted') log.debug(`${line}: cancelled`);
  else log.warn(`${line}: ${detailsFor(event.error)}`);
}

function logRetry(log: Log, info: RetryInfo): void {
  log.info(`Retrying ${info.method} ${info.path} in ${info.delayMs} ms (attempt ${info.attempt}, ${info.reason})`);
}

export function userAgentFor(extensionVersion: string, vscodeVersion: string): string {
  return `enclave-vscode/${extensionVersion} (VS Code ${vscodeVersion})`;
}
