// Timed expiries (enable-until, or a key's autoExpire): once `expiryDateTime` has passed, the
// system or key is disabled (ExpiryAction Disable) or revoked / deleted (Delete), in the
// server's own name, and the log entry is dated when the expiry fell due. The API does this in
// the background; the mock does it lazily — before answering every request and whenever a test
// moves the clock — which no caller can tell apart.
//
// Finding what is due must not cost a scan of 20,000 systems per request: the expiries of an
// org are indexed once per data version (Store.changed bumps it), so a request that changes
// nothing costs one comparison per organisation.
import { expiryInstant } from '../../src/time/expiry';
import type { AutoExpire } from '../../src/api/types';
import { SERVER } from './activity';
import type { OrgState } from './store-base';
import type { Store } from './store';

interface Due {
  at: number;
  kind: 'system' | 'key';
  id: string | number;
  /** The object indexed: if the item's autoExpire was replaced or cleared since, this is stale. */
  autoExpire: AutoExpire;
}

const index = new WeakMap<OrgState, { version: number; due: Due[] }>();
const WHY = ': its timed access ended';

function dueList(org: OrgState): Due[] {
  const hit = index.get(org);
  if (hit && hit.version === org.version) return hit.due;
  const due: Due[] = [];
  const add = (kind: Due['kind'], id: string | number, autoExpire: AutoExpire | null | undefined): void => {
    const at = autoExpire ? expiryInstant(autoExpire) : undefined;
    if (autoExpire && at !== undefined) due.push({ at, kind, id, autoExpire });
  };
  for (const s of org.systems.values()) add('system', s.systemId, s.autoExpire);
  for (const k of org.keys.values()) add('key', k.id, k.autoExpire);
  due.sort((a, b) => a.at - b.at);
  index.set(org, { version: org.version, due });
  return due;
}

/** Applies every expiry due at `now` in every organisation, oldest first. Returns how many. */
export function expireDue(store: Store, now: number): number {
  let applied = 0;
  for (const org of store.orgs) {
    const due = dueList(org);
    if (due.length === 0 || due[0].at > now) continue;
    for (const d of due) {
      if (d.at > now) break;
      if (apply(store, org, d)) applied++;
    }
  }
  return applied;
}

function apply(store: Store, org: OrgState, d: Due): boolean {
  const revoke = d.autoExpire.expiryAction === 'Delete';
  return store.as(SERVER, () => {
    if (d.kind === 'system') {
      const s = org.systems.get(d.id as string);
      if (!s || s.autoExpire !== d.autoExpire) return false;
      if (revoke) store.revokeSystem(org, s.systemId, WHY);
      else if (s.isEnabled) store.setSystemEnabled(org, s, false, null, WHY);
      else dropExpiry(store, org, s);
      return true;
    }
    const k = org.keys.get(d.id as number);
    if (!k || k.autoExpire !== d.autoExpire) return false;
    if (revoke) store.deleteKey(org, k.id, WHY);
    else if (k.isEnabled) store.setKeyEnabled(org, k, false, null, WHY);
    else dropExpiry(store, org, k);
    return true;
  }, d.at);
}

/** Already disabled: nothing happens but the expiry is spent. */
function dropExpiry(store: Store, org: OrgState, item: { autoExpire?: AutoExpire | null }): void {
  item.autoExpire = null;
  store.changed(org);
}
