// Row 3: requests, counted in the local server's log, made by the extension's real store, tree
// provider, refresh and disable-system commands and auto-refresh wiring (src/ui/autoRefresh.ts),
// over a real EnclaveClient. Needs vscodeStub (run.ts imports it first).
import type { CommandContext } from '../../src/commands/context';
import { handler as disableSystem } from '../../src/commands/disableSystem';
import { handler as refresh } from '../../src/commands/refresh';
import type { EnclaveNode } from '../../src/tree/nodes';
import { registerAutoRefresh } from '../../src/ui/autoRefresh';
import type { Prompter } from '../../src/ui/prompter';
import { setPrompter } from '../../src/ui/prompterHolder';
import type { ClientSession } from './clientSession';
import { quietLog } from './clientSession';
import { fake } from './fakeVscode';
import type { LocalServer } from './localServer';
import type { Row } from './table';
import { TreeDriver } from './treeDriver';
import { VirtualTime } from './virtualTime';

const GROUP = '3. Requests made';

/** Says yes to every confirmation; the bench has nobody to ask. */
const yes: Prompter = {
  input: async () => undefined, pick: async () => undefined, pickMany: async () => undefined, search: async () => undefined,
  confirm: async () => true, choose: async () => undefined, info: async () => undefined, warn: async () => undefined, error: async () => undefined,
};

export async function requestRows(server: LocalServer, session: ClientSession, orgId: string): Promise<Row[]> {
  setPrompter(yes);
  const tree = new TreeDriver(session);
  const ctx = { session, store: tree.store, log: quietLog, reveal: async () => undefined, selection: () => [] } as unknown as CommandContext;
  const rows: Row[] = [];
  /** GET/PUT lines ("GET systems") of what `action` sent. */
  const count = async (action: () => Promise<unknown>): Promise<string[]> => {
    await server.clearRequests();
    await action();
    return (await server.requests()).map((r) => `${r.method} ${r.path.replace(/^\/org\/[^/]+\//, '')}`);
  };
  const row = (label: string, sent: string[], target: string, pass: boolean): void =>
    void rows.push({ group: GROUP, label: `${label} [${summary(sent)}]`, measured: String(sent.length), target, pass });
  try {
    const org = await tree.org(orgId);
    let lists: EnclaveNode[] = [];
    const expandOrg = await count(async () => (lists = await tree.expand(org)));
    row('expand the organisation', expandOrg, '1 (the pending count)', expandOrg.length === 1);
    const systems = lists.find((n) => n.type === 'list' && n.kind === 'systems')!;
    let firstRows: EnclaveNode[] = [];
    const expandSystems = await count(async () => (firstRows = await tree.expand(systems)));
    row('expand Systems (20,000): first rows', expandSystems, '1', expandSystems.length === 1 && firstRows.some((n) => n.type === 'system'));
    const loaded = ['GET systems', 'GET unapproved-systems'];
    const once = await count(async () => refresh(ctx, org));
    row('refresh the organisation', once, `${loaded.length}: expanded lists only`, sameSet(once, loaded));
    const twice = await count(() => Promise.all([refresh(ctx, org), refresh(ctx, org)]));
    row('refresh it twice in quick succession', twice, `≤ ${2 * loaded.length}: one follow-up per list`, twice.length <= 2 * loaded.length && sameSet(twice, loaded));
    const five = await count(() => Promise.all([1, 2, 3, 4, 5].map(() => refresh(ctx, org))));
    row('refresh it 5× in quick succession', five, `≤ ${2 * loaded.length}: coalesced`, five.length <= 2 * loaded.length);
    const keys = lists.find((n) => n.type === 'list' && n.kind === 'enrolmentKeys')!;
    const shared = await count(() => Promise.all([tree.expand(keys), tree.expand(keys)]));
    row('expand Enrolment keys twice at once', shared, '1: one shared fetch', shared.length === 1);
    const target = firstRows.find((n) => n.type === 'system' && n.system.isEnabled)!;
    const mutation = await count(async () => disableSystem(ctx, target, [target]));
    row('disable a system (mutation)', mutation, '2: the PUT + systems list', mutation.length === 2 && mutation.some((l) => l.startsWith('PUT')) && mutation.includes('GET systems'));
    rows.push(...(await autoRefreshRows(server, tree, session)));
  } finally {
    tree.dispose();
  }
  return rows;
}

async function autoRefreshRows(server: LocalServer, tree: TreeDriver, session: ClientSession): Promise<Row[]> {
  fake.setSetting('enclave.refreshInterval', 10);
  const minute = async (visible: boolean, focused: boolean): Promise<number> => {
    fake.setFocused(focused);
    const view = { visible, onDidChangeVisibility: () => ({ dispose: () => undefined }) };
    await server.clearRequests();
    const time = new VirtualTime();
    time.install();
    try {
      const wiring = registerAutoRefresh(view as never, tree.store, session);
      await time.advance(60_000, () => idle(tree));
      wiring.dispose();
    } finally {
      time.uninstall();
    }
    return (await server.requests()).length;
  };
  const hidden = await minute(false, true);
  const unfocused = await minute(true, false);
  const shown = await minute(true, true);
  fake.setSetting('enclave.refreshInterval', 0);
  fake.setFocused(true);
  return [
    { group: GROUP, label: '60 s of auto-refresh (every 10 s), view hidden', measured: String(hidden), target: '0', pass: hidden === 0 },
    { group: GROUP, label: '60 s of auto-refresh, window unfocused', measured: String(unfocused), target: '0', pass: unfocused === 0 },
    { group: GROUP, label: '60 s of auto-refresh, visible and focused (control)', measured: String(shown), target: '> 0: the wiring does poll', pass: shown > 0 },
  ];
}

/** Waits until no list is loading (setImmediate is left real by VirtualTime). */
async function idle(tree: TreeDriver): Promise<void> {
  for (let quiet = 0; quiet < 3; ) {
    await new Promise((resolve) => setImmediate(resolve));
    quiet = tree.store.busy ? 0 : quiet + 1;
  }
}

function sameSet(sent: readonly string[], expected: readonly string[]): boolean {
  return new Set(sent).size === expected.length && expected.every((e) => sent.includes(e));
}

function summary(sent: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const s of sent) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([s, n]) => (n > 1 ? `${n}× ${s}` : s)).join(', ') || 'none';
}
