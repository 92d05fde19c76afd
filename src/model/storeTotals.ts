import type { ListState } from '../commands/context';
import type { EnclaveSystem, EnrolmentKey, UnapprovedSystem } from '../api/types';

/** The state of a list nobody asked for yet. */
export const EMPTY_LIST: ListState<never> = Object.freeze({
  items: Object.freeze([]) as readonly never[],
  total: undefined,
  loading: false,
  error: undefined,
  hasMore: false,
});

/** Counts of one organisation, as far as they are known from what is loaded. */
export interface OrgTotals {
  /** metadata.total of the systems list; undefined until its first page arrived. */
  readonly systems?: number;
  /** Connected systems among the loaded ones. */
  readonly connected?: number;
  /** True when every system is loaded, so `connected` is the organisation's real count. */
  readonly connectedIsExact: boolean;
  readonly enrolmentKeys?: number;
  readonly pending?: number;
}

export function totalsOf(
  systems: ListState<EnclaveSystem>,
  keys: ListState<EnrolmentKey>,
  pending: ListState<UnapprovedSystem>,
): OrgTotals {
  const known = systems.total !== undefined;
  return {
    systems: systems.total,
    connected: known ? systems.items.filter((s) => s.isEnabled && s.state === 'Connected').length : undefined,
    connectedIsExact: known && !systems.hasMore && systems.items.length >= (systems.total ?? 0),
    enrolmentKeys: keys.total,
    pending: pending.total,
  };
}
