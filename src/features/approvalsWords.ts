// The words of the approvals inbox: the arrival notification and the one combined outcome of a
// review that touched several organisations. No `vscode`: unit-tested.
import { count, SYSTEM, type BulkWords } from '../ui/promptsText';

export interface OrgArrivals {
  readonly orgName: string;
  /** Names of the systems that arrived, newest first. */
  readonly names: readonly string[];
}

/**
 * "2 new systems await approval in Acme", "New system 'laptop-7' awaits approval in Acme",
 * "3 new systems await approval: 2 in Acme, 1 in Beta".
 */
export function arrivalMessage(arrivals: readonly OrgArrivals[]): string {
  const withNews = arrivals.filter((a) => a.names.length > 0);
  const total = withNews.reduce((sum, a) => sum + a.names.length, 0);
  if (withNews.length === 1 && total === 1) return `New system '${withNews[0].names[0]}' awaits approval in ${withNews[0].orgName}.`;
  const head = `${total} new ${total === 1 ? 'system awaits' : 'systems await'} approval`;
  if (withNews.length === 1) return `${head} in ${withNews[0].orgName}.`;
  return `${head}: ${withNews.map((a) => `${a.names.length} in ${a.orgName}`).join(', ')}.`;
}

/** "Acme", "Acme and Beta", "Acme, Beta and Gamma". */
export function orgNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * "Approved 5 systems in Acme and Beta.", "Approved 4 of 5 systems in Acme; 1 was not approved
 * (already approved or gone)." — `counted` is what the API reported, summed over organisations.
 */
export function reviewOutcome(words: BulkWords, sent: number, counted: number, orgs: readonly string[]): string {
  const where = orgs.length > 0 ? ` in ${orgNames(orgs)}` : '';
  if (counted >= sent) return `${words.done} ${count(sent, SYSTEM)}${where}.`;
  const missed = sent - counted;
  if (counted === 0) return `${words.done} none of the ${count(sent, SYSTEM)}${where}: ${missed === 1 ? 'it' : 'they'} ${words.notDone(missed)}.`;
  return `${words.done} ${counted} of ${count(sent, SYSTEM)}${where}; ${missed} ${words.notDone(missed)}.`;
}
