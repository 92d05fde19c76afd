/**
 * The Enclave service of docs/setup/containers.md, put into a compose file with the key read from
 * the environment (`${ENCLAVE_ENROLMENT_KEY}`, which compose fills from the shell or a .env file)
 * instead of written in. Text in, text out, no YAML library: the file's own layout, comments and
 * indentation stay as they are, and the service goes at the end of `services:` (its named volumes
 * at the end of the top-level `volumes:`), each made when missing. No `vscode`.
 */
import { KEY_VARIABLE } from './setupCommands';

export interface ComposeResult {
  readonly text: string;
  /** The service's name (enclave, or enclave-2… when taken). */
  readonly service: string;
}

/** Thrown when the file is laid out in a way this cannot extend safely. */
export class ComposeLayoutError extends Error {}

const TOP_KEY = /^([A-Za-z0-9_.-]+|"[^"]*"|'[^']*')\s*:(.*)$/;

interface Block {
  /** Index of the `key:` line. */
  readonly head: number;
  /** Index after the block's last non-blank line. */
  readonly end: number;
}

function isContent(line: string): boolean {
  const t = line.trim();
  return t !== '' && !t.startsWith('#');
}

/** The top-level `name:` block, or undefined; a flow value (`services: {}`) cannot be extended. */
function topBlock(lines: readonly string[], name: string): Block | undefined {
  const head = lines.findIndex((l) => {
    const m = TOP_KEY.exec(l);
    return m !== null && m[1].replace(/^["']|["']$/g, '') === name;
  });
  if (head < 0) return undefined;
  const rest = (TOP_KEY.exec(lines[head]) as RegExpExecArray)[2].trim();
  if (rest !== '' && !rest.startsWith('#')) throw new ComposeLayoutError(`its top-level '${name}:' is written on one line (${rest}); make it a block to add to it`);
  let end = head + 1;
  for (let i = head + 1; i < lines.length; i++) {
    const line = lines[i];
    if (isContent(line) && !/^\s/.test(line)) break; // the next top-level key (or document marker)
    // An indented comment is part of the block; one at column 0 belongs to the key after it.
    if (isContent(line) || (/^\s+#/.test(line))) end = i + 1;
  }
  return { head, end };
}

/** The indentation of the block's first child, or `fallback`. */
function childIndent(lines: readonly string[], block: Block | undefined, fallback: string): string {
  if (!block) return fallback;
  for (let i = block.head + 1; i < block.end; i++) if (isContent(lines[i])) return /^\s*/.exec(lines[i])![0];
  return fallback;
}

/** The names directly under a block (at `indent`). */
function childNames(lines: readonly string[], block: Block | undefined, indent: string): Set<string> {
  const names = new Set<string>();
  if (!block) return names;
  for (let i = block.head + 1; i < block.end; i++) {
    const line = lines[i];
    if (!line.startsWith(indent) || /^\s/.test(line.slice(indent.length))) continue;
    const m = TOP_KEY.exec(line.slice(indent.length));
    if (m) names.add(m[1].replace(/^["']|["']$/g, ''));
  }
  return names;
}

function serviceLines(name: string, u: string): string[] {
  return [
    `${u}${name}:`,
    `${u}${u}image: enclavenetworks/enclave:latest`,
    `${u}${u}restart: always`,
    `${u}${u}cap_add:`,
    `${u}${u}${u}- NET_ADMIN`,
    `${u}${u}devices:`,
    `${u}${u}${u}- /dev/net/tun`,
    `${u}${u}environment:`,
    `${u}${u}${u}# Read from your shell or a .env file beside this one: the key itself is not written here.`,
    `${u}${u}${u}${KEY_VARIABLE}: \${${KEY_VARIABLE}}`,
    `${u}${u}volumes:`,
    `${u}${u}${u}- ${name}-config:/etc/enclave/profiles`,
    `${u}${u}${u}- ${name}-logs:/var/log/enclave`,
  ];
}

/** The compose text with the Enclave service (and its volumes) added. */
export function addEnclaveService(text: string): ComposeResult {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  if (lines.slice(1).some((l) => /^---\s*$/.test(l))) throw new ComposeLayoutError('it holds several YAML documents');
  const services = topBlock(lines, 'services');
  const unit = childIndent(lines, services, '  ');
  const taken = childNames(lines, services, unit);
  let service = 'enclave';
  for (let n = 2; taken.has(service); n++) service = `enclave-${n}`;

  const volumes = topBlock(lines, 'volumes');
  const volumeIndent = childIndent(lines, volumes, unit);
  const newVolumes = [`${service}-config`, `${service}-logs`].filter((v) => !childNames(lines, volumes, volumeIndent).has(v));

  // Insert from the bottom up so the earlier positions stay valid.
  const inserts: { at: number; lines: string[] }[] = [];
  const append: string[] = [];
  if (services) inserts.push({ at: services.end, lines: serviceLines(service, unit) });
  else append.push('services:', ...serviceLines(service, unit));
  if (volumes) inserts.push({ at: volumes.end, lines: newVolumes.map((v) => `${volumeIndent}${v}:`) });
  else append.push('volumes:', ...newVolumes.map((v) => `${volumeIndent}${v}:`));
  const out = [...lines];
  for (const insert of inserts.sort((a, b) => b.at - a.at)) out.splice(insert.at, 0, ...insert.lines);
  if (append.length > 0) {
    while (out.length > 0 && out[out.length - 1].trim() === '') out.pop();
    if (out.length > 0) out.push('');
    out.push(...append);
  }
  if (out[out.length - 1] !== '') out.push('');
  return { text: out.join(eol), service };
}
