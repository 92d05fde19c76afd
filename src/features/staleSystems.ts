/**
 * Which systems Clean Up Stale Systems offers, and the words of its dry run. A system is stale when
 * it is not connected now and was last seen (or, never seen, enrolled) more than N days ago; a
 * connected system never counts, whatever its dates say, and one whose date cannot be read is left
 * alone — nothing is revoked on a guess. Disabled systems count like the rest. Pure, `now` passed
 * in, no `vscode`.
 */
import type { EnclaveSystem } from '../api/types';
import { systemLabel, systemStateText, keyReference } from '../tree/presentSystem';
import { parseTime, relativeTime } from '../tree/time';
import { platformText } from '../tree/words';

export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 3650;
const DAY = 24 * 60 * 60 * 1000;

/** Checked as the person types: a whole number of days, 1–3650. */
export function validateDays(value: string): string | undefined {
  const text = value.trim();
  if (!/^\d+$/.test(text)) return 'Type a whole number of days, e.g. 30.';
  const days = Number(text);
  if (days < 1 || days > MAX_DAYS) return `Type a number of days from 1 to ${MAX_DAYS}.`;
  return undefined;
}

/** When the system was last there: last seen, else enrolled (never seen since). */
export function lastThere(system: Pick<EnclaveSystem, 'lastSeen' | 'enrolledAt'>): Date | undefined {
  return parseTime(system.lastSeen) ?? parseTime(system.enrolledAt);
}

export function isStale(system: EnclaveSystem, days: number, now: Date): boolean {
  if (system.state === 'Connected') return false;
  const seen = lastThere(system);
  return seen !== undefined && now.getTime() - seen.getTime() > days * DAY;
}

/** The stale systems, longest gone first. */
export function staleSystems(systems: readonly EnclaveSystem[], days: number, now: Date): EnclaveSystem[] {
  const time = (s: EnclaveSystem) => lastThere(s)?.getTime() ?? 0;
  return systems.filter((s) => isStale(s, days, now)).sort((a, b) => time(a) - time(b) || a.systemId.localeCompare(b.systemId));
}

/** The phrase the typed confirmation accepts, exactly. */
export function confirmPhrase(count: number): string {
  return `revoke ${count}`;
}

/** "12 Mar 2026, 14:03 (3 months ago)", with "enrolled" when the system was never seen. */
export function lastSeenText(system: EnclaveSystem, now: Date): string {
  const seen = lastThere(system);
  if (!seen) return 'unknown';
  const local = seen.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return `${local} (${relativeTime(seen, now)})${parseTime(system.lastSeen) ? '' : ', never seen since enrolling'}`;
}

/**
 * A table cell. The report is read as text in an editor far more than rendered, so only what
 * would break the table (a pipe, a line break, a backslash) or turn into markup (`<`, `` ` ``)
 * is escaped, not every punctuation mark a name from the API might hold.
 */
function cell(text: string | undefined): string {
  return text ? text.replace(/[\\|<>`*_]/g, '\\$&').replace(/\s*[\r\n]+\s*/g, ' ') : '—';
}

export interface SummaryInput {
  readonly orgName: string;
  readonly days: number;
  readonly total: number;
  readonly stale: readonly EnclaveSystem[];
  readonly now: Date;
}

/** The dry run: a Markdown report of what would be revoked and why, before anything is asked. */
export function summaryMarkdown({ orgName, days, total, stale, now }: SummaryInput): string {
  const disabled = stale.filter((s) => systemStateText(s) === 'Disabled').length;
  const neverSeen = stale.filter((s) => !parseTime(s.lastSeen)).length;
  const lines = [
    `# Stale systems in ${cell(orgName)}`,
    '',
    `Dry run, ${now.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}: nothing has been revoked.`,
    '',
    `- **${stale.length}** of ${total} systems have not been seen for more than ${days} day${days === 1 ? '' : 's'}`,
    `- ${stale.length - disabled} disconnected, ${disabled} disabled; ${neverSeen} never seen since enrolling`,
    '- Connected systems never count.',
    '',
    'Next you can untick the systems to keep, then type the confirmation to revoke the rest. Revoking is permanent: a machine must enrol again to come back.',
    '',
    '| System | ID | Last seen | Platform | Enrolment key | State |',
    '|---|---|---|---|---|---|',
    ...stale.map((s) =>
      `| ${cell(systemLabel(s))} | ${cell(s.systemId)} | ${cell(lastSeenText(s, now))} | ${cell(platformText(s.platformType))} | ${cell(keyReference(s.enrolmentKeyDescription, s.enrolmentKeyId, s.enrolmentKeyIsDeleted))} | ${cell(systemStateText(s))} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
