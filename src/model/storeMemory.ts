// Where the store remembers what the user chose for lists: filters (per organisation and list)
// and the grouping of Systems lists. The extension backs them with Mementos (src/ui/memories.ts);
// unit tests and the bench use the in-memory defaults here. No `vscode`.
import type { ListKind } from '../tree/nodes';
import type { GroupBy, ListFilter } from './listQuery';

/** Where filters are remembered (globalState in the extension; a Map in unit tests). */
export interface FilterMemory {
  get(orgId: string, kind: ListKind): ListFilter | undefined;
  set(orgId: string, kind: ListKind, filter: ListFilter | undefined): void;
}

/** Where the grouping of Systems lists is remembered (workspaceState in the extension). */
export interface GroupingMemory {
  get(): GroupBy | undefined;
  set(by: GroupBy | undefined): void;
}

export interface StoreMemory {
  readonly filters?: FilterMemory;
  readonly grouping?: GroupingMemory;
}

export function inMemoryGrouping(): GroupingMemory {
  let current: GroupBy | undefined;
  return { get: () => current, set: (by) => void (current = by) };
}

export function inMemoryFilters(): FilterMemory {
  const filters = new Map<string, ListFilter>();
  return {
    get: (orgId, kind) => filters.get(`${orgId}/${kind}`),
    set: (orgId, kind, filter) => (filter ? filters.set(`${orgId}/${kind}`, filter) : filters.delete(`${orgId}/${kind}`)),
  };
}

