// Where filters and grouping are remembered. Filters belong to an organisation's list wherever
// it is opened (globalState); grouping is how one workspace likes to look at things
// (workspaceState). Both hold only what the user chose — never data from the API.
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
  const all = (): Record<string, ListFilter> => {
    const value = state.get<unknown>(FILTERS_KEY);
    return typeof value === 'object' && value !== null ? (value as Record<string, ListFilter>) : {};
  };
  return {
    get: (orgId, kind) => {
      const filter = all()[`${orgId}/${kind}`];
      return isFilter(filter) ? filter : undefined;
    },
    set: (orgId, kind, filter) => {
      const { [`${orgId}/${kind}`]: _old, ...rest } = all();
      void state.update(FILTERS_KEY, filter ? { ...rest, [`${orgId}/${kind}`]: filter } : rest);
    },
  };
}

export function groupingMemory(state: vscode.Memento): GroupingMemory {
  return {
    get: () => {
      const value = state.get<unknown>(GROUPING_KEY);
      return GROUP_BYS.includes(value as GroupBy) ? (value as GroupBy) : undefined;
    },
    set: (by) => void state.update(GROUPING_KEY, by),
  };
}
