// The benchmark's table: each measurement next to its target and a pass/fail mark, printed for
// the terminal and written as Markdown into the README's performance section.

export interface Row {
  /** "1. All 20,000 systems", …: rows of one group are printed together. */
  readonly group: string;
  readonly label: string;
  readonly measured: string;
  /** No target: an informational row (e.g. the floor itself). */
  readonly target?: string;
  readonly pass?: boolean;
}

export const mark = (row: Row): string => (row.pass === undefined ? '' : row.pass ? 'pass' : 'FAIL');

export function printTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => [r.label, r.measured, r.target ?? '', mark(r)]);
  const width = [0, 1, 2, 3].map((i) => Math.max(...cells.map((c) => c[i].length), ['what', 'measured', 'target', ''][i].length));
  const line = (c: string[]): string => c.map((s, i) => s.padEnd(width[i])).join('  ').trimEnd();
  const out: string[] = [line(['what', 'measured', 'target', ''])];
  let group = '';
  rows.forEach((row, i) => {
    if (row.group !== group) out.push('', (group = row.group));
    out.push(`  ${line(cells[i])}`);
  });
  return out.join('\n');
}

export function markdownTable(rows: readonly Row[]): string {
  const escape = (s: string): string => s.replace(/\|/g, '\\|');
  const out = ['| | measured | target | |', '|---|---:|---|---|'];
  let group = '';
  for (const row of rows) {
    if (row.group !== group) out.push(`| **${escape((group = row.group))}** | | | |`);
    out.push(`| ${escape(row.label)} | ${escape(row.measured)} | ${escape(row.target ?? '')} | ${row.pass === undefined ? '' : row.pass ? '✅' : '❌'} |`);
  }
  return out.join('\n');
}

export const ms = (value: number): string => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
export const times = (value: number): string => `${value.toFixed(2)}×`;
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
