// The one human sentence an ApiError carries: the API's own words when it gave any (a single
// validation message, the detail, the title), else the status line, never a raw (HTML) body.
import { STATUS_CODES } from 'node:http';
import type { ProblemDetails } from './types';

export function describeProblem(status: number, p?: ProblemDetails): string {
  const messages = p?.errors ? Object.entries(p.errors).flatMap(([field, list]) => list.map((m) => ({ field, m }))) : [];
  if (messages.length === 1) return sentence(messages[0].m);
  if (messages.length > 1) {
    const list = messages.map(({ field, m }) => (field ? `${field}: ${m}` : m)).join('; ');
    return sentence(`${p?.title ?? 'The request was not valid'} (${list})`);
  }
  if (p?.detail) return sentence(p.detail);
  if (p?.title) return sentence(p.title);
  const reason = STATUS_CODES[status];
  return `The Enclave API returned HTTP ${status}${reason ? ` (${reason})` : ''}`;
}

function sentence(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > 500 ? `${t.slice(0, 497)}...` : t;
}
