// The organisation's activity log: `GET /org/{orgId}/logs`, newest first, paging only (no search,
// no sort: filters are the caller's). Entries have no IDs, and a new entry pushes every older
// one down a place, so a caller loading more pages while changes happen may see an entry twice
// at a page boundary: compare whole entries to drop such repeats.
import type { Transport } from './options';
import { OrgList } from './orgList';
import type { LogEntry, LogListQuery } from './types';

export class LogsApi extends OrgList<LogEntry, LogListQuery> {
  constructor(t: Transport) {
    super(t, 'logs');
  }
}
