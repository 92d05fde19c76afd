import * as vscode from 'vscode';
import { networkOptions, type NetworkOptions } from './proxySettings';

/** The `http.*` settings that change how the client reaches the API (a change rebuilds it). */
const NETWORK_SETTINGS = ['http.proxy', 'http.noProxy', 'http.proxyStrictSSL', 'http.proxyAuthorization', 'http.proxySupport', 'http.systemCertificates'];

/**
 * Reads VS Code's network settings as they apply now. VS Code itself keeps these out of
 * workspace settings (application/machine scope, restricted), so the effective value is used.
 */
export function readNetworkOptions(): NetworkOptions {
  const http = vscode.workspace.getConfiguration('http');
  return networkOptions({
    proxy: http.get<string>('proxy'),
    noProxy: http.get<string[]>('noProxy'),
    proxyStrictSSL: http.get<boolean>('proxyStrictSSL'),
    proxyAuthorization: http.get<string | null>('proxyAuthorization'),
    proxySupport: http.get<string>('proxySupport'),
    systemCertificates: http.get<boolean>('systemCertificates'),
  });
}

export function affectsNetworkOptions(e: vscode.ConfigurationChangeEvent): boolean {
  return NETWORK_SETTINGS.some((key) => e.affectsConfiguration(key));
}
