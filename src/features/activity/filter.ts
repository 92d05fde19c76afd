// The activity view's filters: levels and a text, applied here because the API's /logs route takes
// only page and per_page (reference §2.10). Pure, so the matching and the wording are unit-tested.
import type { LogEntry } from '../../api/types';

export const ACTIVITY_LEVELS = ['Information', 'Warning', 'Error'] as const;
export type KnownLevel = (typeof ACTIVITY_LEVELS)[number];

/** Long enough for any phrase worth searching for, short enough to stay readable in the view's description. */
export const MAX_FILTER_TEXT = 100;

export interface ActivityFilter {
  /** Undefined or empty: every level. */
  readonly levels?: readonly KnownLevel[];
  /** Undefined or blank: no text filter. Matched case-insensitively. */
  readonly text?: string;
}

export const NO_FILTER: ActivityFilter = {};

export function isFiltering(filter: ActivityFilter): boolean {
  return levelsOf(filter) !== undefined || textOf(filter) !== undefined;
}

function levelsOf(filter: ActivityFilter): readonly KnownLevel[] | undefined {
  const levels = filter.levels ?? [];
  // Every level picked filters nothing: it is shown as no level filter at all.
  return levels.length === 0 || ACTIVITY_LEVELS.every((l) => levels.includes(l)) ? undefined : levels;
}

function textOf(filter: ActivityFilter): string | undefined {
  const text = filter.text?.trim();
  return text ? text.toLocaleLowerCase() : undefined;
}

/** A level as the API sends it, in the three known ones' spelling; unknown levels count as Information. */
export function levelOf(entry: Pick<LogEntry, 'level'>): KnownLevel {
  const level = String(entry.level ?? '').trim().toLowerCase();
  if (level === 'error') return 'Error';
  if (level === 'warning') return 'Warning';
  return 'Information';
}

/** The test an entry must pass: every level picked holds, and the text is in the message, user or IP address. */
export function matcher(filter: ActivityFilter): (entry: LogEntry) => boolean {
  const levels = levelsOf(filter);
  const text = textOf(filter);
  return (entry) => {
    if (levels && !levels.includes(levelOf(entry))) return false;
    if (!text) return true;
    return [entry.message, entry.userName, entry.ipAddress].some((v) => typeof v === 'string' && v.toLocaleLowerCase().includes(text));
  };
}

/** The view's description while a filter is on: `Warning, Error · "disable"`; undefined when none is. */
export function describeFilter(filter: ActivityFilter): string | undefined {
  const parts: string[] = [];
  const levels = levelsOf(filter);
  if (levels) parts.push(ACTIVITY_LEVELS.filter((l) => levels.includes(l)).join(', '));
  const text = filter.text?.trim();
  if (text) parts.push(`"${text}"`);
  return parts.length > 0 ? `Filtered: ${parts.join(' · ')}` : undefined;
}

/** The text box's check as the user types. */
export function validateFilterText(value: string): string | undefined {
  const length = value.trim().length;
  return length > MAX_FILTER_TEXT ? `At most ${MAX_FILTER_TEXT} characters (this is ${length}).` : undefined;
}
