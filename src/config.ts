import * as vscode from 'vscode';

/**
 * The same URL as DEFAULT_BASE_URL in src/api/url.ts, written again because code outside src/api
 * imports only types from it: the client bundle (with undici) loads on the first request.
 */
export const DEFAULT_API_URL = 'https://api.enclave.io';

/**
 * `enclave.apiUrl` is application-scoped in the manifest, and only the user-level value is read
 * here as well: a workspace must never redirect the token to another server.
 */
export function apiUrl(): string {
  const inspected = vscode.workspace.getConfiguration('enclave').inspect<string>('apiUrl');
  const value = inspected?.globalValue ?? inspected?.defaultValue ?? DEFAULT_API_URL;
  return value.trim().replace(/\/+$/, '') || DEFAULT_API_URL;
}

/** Seconds between automatic refreshes; 0 turns them off. */
export function refreshIntervalSeconds(): number {
  const value = vscode.workspace.getConfiguration('enclave').get<number>('refreshInterval', 0);
  return Number.isFinite(value) && value > 0 ? Math.max(10, value) : 0;
}

/** The API origin (scheme, host, port) a token belongs to, or undefined for an unusable URL. */
export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
