// Where filters and grouping are remembered. Filters belong to an organisation's list wherever
// it is opened (globalState); grouping is how one workspace likes to look at things
// (workspaceState). Both hold only what the user chose — never data from the API.
//
// Each memory reads its Memento once and then answers from its own copy, writing every change
// through. A Memento's value can be replaced under us when an earlier write of ours comes back
// from storage after a later one, so it is not read again while the window lives.
import type * as vscode from 'vscode';
import { GROUP_BYS, type GroupBy, type ListFilter } from '../model/listQuery';
import type { FilterMemory, GroupingMemory } from '../model/store';

const FILTERS_KEY = 'enclave.filters';
const GROUPING_KEY = 'enclave.grouping';

function isFilter(value: unknown): value is ListFilter {
  const f = value as Partial<ListFilter> | undefined;
  return typeof f === 'object' && f !== null && typeof f.search === 'string' && typeof f.showDisabled === 'boolean';
}

export function filterMemory(state: vscode.Memento): FilterMemory {
  let filters: Record<string, ListFilter> | undefined;
  const all = (): Record<string, ListFilter> => {
    if (!filters) {
      const stored = state.get<unknown>(FILTERS_KEY);
      const entries = typeof stored === 'object' && stored !== null ? Object.entries(stored as Record<string, unknown>) : [];
      filters = Object.fromEntries(entries.filter((entry): entry is [string, ListFilter] => isFilter(entry[1])));
    }
    return filters;
  };
  return {
    get: (orgId, kind) => all()[`${orgId}/${kind}`],
    set: (orgId, kind, filter) => {
      const { [`${orgId}/${kind}`]: _old, ...rest } = all();
      filters = filter ? { ...rest, [`${orgId}/${kind}`]: filter } : rest;
      void state.update(FILTERS_KEY, filters);
    },
  };
}

export function groupingMemory(state: vscode.Memento): GroupingMemory {
  let grouping: { by: GroupBy | undefined } | undefined;
  return {
    get: () => {
      if (!grouping) {
        const stored = state.get<unknown>(GROUPING_KEY);
        grouping = { by: GROUP_BYS.includes(stored as GroupBy) ? (stored as GroupBy) : undefined };
      }
      return grouping.by;
    },
    set: (by) => {
      grouping = { by };
      void state.update(GROUPING_KEY, by);
    },
  };
}
