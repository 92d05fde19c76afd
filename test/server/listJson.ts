// Serialised list items, kept per collection until its organisation's data version moves.
//
// Serialising a page of 200 systems (~170 KB) on every request cost the server milliseconds of
// CPU per page. The benchmark runs this server next to the client it measures on 2 cores, so
// that cost leaked into the client's timings (most into the parallel walk, which asks for ten
// pages at once). Every change goes through Store.changed(org), which bumps `org.version`
// (tests that edit entities directly must call it too, as for the sorted-order cache): the next
// request sees the version moved and starts from an empty cache, so no answer is older than
// the data. Items are kept as UTF-8 bytes, so a page is one Buffer.concat.
import type { Page } from '../../src/api/types';

interface Entry { version: number; view: (item: never) => unknown; bytes: Map<string | number, Buffer> }

const cache = new WeakMap<object, Entry>();
const COMMA = Buffer.from(',');

/**
 * The page as JSON bytes, exactly what JSON.stringify({ ...envelope, items: items.map(view) })
 * gives. `view` must be one function per list (a module constant): a different function is a
 * different list and starts a new cache.
 */
export function pageJson<T>(
  collection: object, version: number, envelope: Omit<Page<unknown>, 'items'>,
  items: readonly T[], id: (item: T) => string | number, view: (item: T) => unknown,
): Buffer {
  let entry = cache.get(collection);
  if (!entry || entry.version !== version || entry.view !== view) {
    entry = { version, view, bytes: new Map() };
    cache.set(collection, entry);
  }
  const { bytes } = entry;
  const parts: Buffer[] = [Buffer.from(`{"metadata":${JSON.stringify(envelope.metadata)},"links":${JSON.stringify(envelope.links)},"items":[`)];
  items.forEach((item, index) => {
    const key = id(item);
    let json = bytes.get(key);
    if (json === undefined) {
      json = Buffer.from(JSON.stringify(view(item)), 'utf8');
      bytes.set(key, json);
    }
    if (index > 0) parts.push(COMMA);
    parts.push(json);
  });
  parts.push(Buffer.from(']}'));
  return Buffer.concat(parts);
}
