// The benchmark's handle on the local server child (serverProcess.ts): its URL and token, and
// the /__sim/ control routes (latency, request log) the rows need. Control requests go through
// Node's own fetch so they share nothing with the undici pools being measured.
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { MockServerOptions, RequestLogEntry } from '../server';

interface Ready {
  url: string;
  token: string;
  orgIds: string[];
}

export class LocalServer {
  private constructor(private readonly child: ChildProcess, readonly url: string, readonly token: string, readonly orgIds: readonly string[]) {}

  static start(options: MockServerOptions): Promise<LocalServer> {
    const child = fork(path.join(__dirname, 'serverProcess.js'), [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the local server exited (code ${code}) before it listened`)));
      child.once('message', (message: Ready | { error: string }) => {
        if ('error' in message) return reject(new Error(`the local server failed to start: ${message.error}`));
        resolve(new LocalServer(child, message.url, message.token, message.orgIds));
      });
    });
  }

  async setLatency(ms: number): Promise<void> {
    await this.control('PUT', '/__sim/latency', { ms });
  }

  async clearRequests(): Promise<void> {
    await this.control('DELETE', '/__sim/requests');
  }

  /** The API requests logged since the last clear (method, path, query, status). */
  async requests(): Promise<RequestLogEntry[]> {
    return ((await this.control('GET', '/__sim/requests')) as { requests: RequestLogEntry[] }).requests;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.disconnect();
    });
  }

  private async control(method: string, route: string, body?: unknown): Promise<unknown> {
    const response = await fetch(this.url + route, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) throw new Error(`${method} ${route} → HTTP ${response.status}`);
    return response.json();
  }
}
