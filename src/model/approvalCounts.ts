/**
 * What the view's badge says about systems awaiting approval: the sum of the pending totals the
 * store knows (an organisation whose count has not arrived yet adds nothing) and a one-line
 * tooltip naming the organisations when there are few enough to read. No `vscode`: unit-tested.
 */
export interface OrgPendingCount {
  readonly name: string;
  /** The API's total of pending systems; undefined while unknown. */
  readonly count: number | undefined;
}

export interface ApprovalsSummary {
  readonly total: number;
  readonly tooltip: string;
}

/** More organisations than this are counted, not named: a tooltip is one short line. */
const NAMED_ORGS = 4;

/** Undefined when nothing waits: the badge is then removed, not shown as 0. */
export function summarisePending(orgs: readonly OrgPendingCount[]): ApprovalsSummary | undefined {
  const waiting = orgs.filter((o): o is { name: string; count: number } => (o.count ?? 0) > 0);
  const total = waiting.reduce((sum, o) => sum + o.count, 0);
  if (total === 0) return undefined;
  const head = `${total} ${total === 1 ? 'system awaits' : 'systems await'} approval`;
  if (waiting.length === 1) return { total, tooltip: `${head} in ${waiting[0].name}` };
  if (waiting.length <= NAMED_ORGS) return { total, tooltip: `${head}: ${waiting.map((o) => `${o.name} ${o.count}`).join(', ')}` };
  return { total, tooltip: `${head} in ${waiting.length} organisations` };
}
