import * as vscode from 'vscode';

/**
 * The one output channel, "Enclave". Everything the extension logs goes through here, so
 * redaction happens in one place: any registered secret is replaced before a line is written.
 */
export class Log implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Enclave', { log: true });
  private readonly secrets = new Set<string>();

  /** Registers a value (the token) that must never appear in the log. */
  addSecret(secret: string): void {
    if (secret.length >= 8) this.secrets.add(secret);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join('<redacted>');
    return out.replace(/(bearer\s+)[A-Za-z0-9._~+/-]{8,}=*/gi, '$1<redacted>');
  }

  trace(message: string): void { this.channel.trace(this.redact(message)); }
  debug(message: string): void { this.channel.debug(this.redact(message)); }
  info(message: string): void { this.channel.info(this.redact(message)); }
  warn(message: string): void { this.channel.warn(this.redact(message)); }
  error(message: string): void { this.channel.error(this.redact(message)); }

  show(): void { this.channel.show(true); }

  dispose(): void { this.channel.dispose(); }
}
