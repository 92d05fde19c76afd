// Where an entity's JSON document lives in the `enclave:` file system. The path carries what the
// save needs (organisation, kind, ID); a readable name follows the ID so the editor tab says what
// is open ("AB12C web-01.json"). The name is decoration only: parsing reads the ID, so a path
// whose name went stale after a rename still saves to the right entity.
// No `vscode` here: unit-tested in plain Node.

export const SCHEME = 'enclave';

export type DocKind = 'system' | 'key' | 'org';

export interface DocTarget {
  readonly kind: DocKind;
  readonly orgId: string;
  /** System ID, enrolment key ID (as text); empty for the organisation. */
  readonly id: string;
}

const FOLDERS: Record<Exclude<DocKind, 'org'>, string> = { system: 'systems', key: 'enrolment-keys' };
const NAME_MAX = 40;

/** A name safe in a path segment on every platform's tab and breadcrumb. */
function safeName(name: string | undefined): string {
  const text = (name ?? '').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/\s+/g, ' ').trim();
  return text.length > NAME_MAX ? `${text.slice(0, NAME_MAX - 1).trim()}…` : text;
}

/** "/<orgId>/systems/AB12C web-01.json", "/<orgId>/enrolment-keys/12 Build agents.json", "/<orgId>/organisation Acme.json". */
export function docPath(target: DocTarget, name?: string): string {
  const tail = safeName(name);
  const suffix = tail && tail !== target.id ? ` ${tail}` : '';
  if (target.kind === 'org') return `/${target.orgId}/organisation${suffix}.json`;
  return `/${target.orgId}/${FOLDERS[target.kind]}/${target.id}${suffix}.json`;
}

const ENTITY_PATH = /^\/([^/]+)\/(systems|enrolment-keys)\/([^ /]+?)(?: [^/]*)?\.json$/;
const ORG_PATH = /^\/([^/]+)\/organisation(?: [^/]*)?\.json$/;

/** The entity a path names, or undefined when it names none (a folder, a stray file). */
export function parseDocPath(path: string): DocTarget | undefined {
  const org = ORG_PATH.exec(path);
  if (org) return { kind: 'org', orgId: org[1], id: '' };
  const entity = ENTITY_PATH.exec(path);
  if (!entity) return undefined;
  const kind: DocKind = entity[2] === 'systems' ? 'system' : 'key';
  if (kind === 'key' && !/^\d+$/.test(entity[3])) return undefined;
  return { kind, orgId: entity[1], id: entity[3] };
}

/** The same entity, whatever name its path carries. */
export function sameTarget(a: DocTarget, b: DocTarget): boolean {
  return a.kind === b.kind && a.orgId === b.orgId && a.id.toUpperCase() === b.id.toUpperCase();
}
