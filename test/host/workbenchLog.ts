// Turns what the smoke-test driver hands to window.codeAutomationLog(type, args) into text and
// drops the noise an offline workbench produces. The workbench's own console and the extension
// host's (mocha's reporter) arrive mixed through the same call, so filtering is per message.
import { format } from 'util';

const NOISE = [
  // marketplace, update and telemetry hosts this machine cannot reach
  /ENOTFOUND/, /open-vsx\.org/, /ERR_NAME_NOT_RESOLVED/, /ERR_INTERNET_DISCONNECTED/, /Failed to fetch/,
  /marketplace/i, /telemetry/i, /update check/i, /vscode-unpkg\.net/, /gallery/i,
  // built-in features with nothing to do here (chat agents, GitHub sign-in, policies)
  /^\[AgentHost/, /^\[ChatModelSelection\]/, /^\[AccountPolicyGate\]/, /authentication provider 'github'/,
  // connection chatter
  /^Resolving connection token/, /^Resolved connection token/, /^Creating a socket/, /^\[reconnection-grace-time\]/,
  /^Updating additional builtin extensions cache/, /^\[Service Worker\]/, /^Creation of workbench contribution/,
];

export function isNoise(message: string): boolean {
  return NOISE.some((re) => re.test(message));
}

/** Console arguments to text, printf-style as Node's console does (mocha passes '%s (%dms)', …). */
export function formatConsoleArgs(args: unknown): string {
  const list = Array.isArray(args) ? args : [args];
  return format(...list);
}
