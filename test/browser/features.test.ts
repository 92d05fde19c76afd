// The features beyond the basic tree, in the real workbench, signed in through the demo hand-over
// (ENCLAVE_DEMO_TOKEN, src/auth/demoToken.ts): a filter in the API's search syntax with its
// completions, grouping by tag, time-boxed access ("Enable System For…"), the approvals inbox,
// a system as a JSON document with schema diagnostics, and the Activity view. Each step checks
// what the local API server received or now holds, or what the workbench shows from it.
//
// Screenshots (whole window): filter.png, grouping.png, time-boxed.png, approvals.png,
// edit-json.png and activity.png go to test-results/, or to media/screenshots/ (the README's)
// when ENCLAVE_UPDATE_SCREENSHOTS=1.
import * as assert from 'assert';
import type { Locator } from 'playwright-core';
import { MockEnclaveServer } from '../server';
import type { OrgState } from '../server';
import type { EnclaveSystem, UnapprovedSystem } from '../../src/api/types';
import { dependentSteps, nameOf, readmeScreenshot, waitUntil } from './steps';
import { Workbench } from './workbench';

const FILTER = 'state:connected os:linux';

const byName = (a: string, b: string): number => a.localeCompare(b);
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('browser: filter, grouping, time-boxed access, approvals, JSON editing, activity', function () {
  this.timeout(90_000);
  let server: MockEnclaveServer;
  let wb: Workbench;
  let org: OrgState;
  /** The disabled system enabled for an hour in the time-boxed step, edited as JSON after. */
  let timed: EnclaveSystem;
  /** The pending system approved in the approvals step. */
  let approved: UnapprovedSystem;

  before(async function () {
    this.timeout(120_000);
    // Two organisations of 20 systems: one organisation's systems and the other organisation fit
    // in one screenshot, and the approvals inbox spans both. `now`: the client computes expiries
    // from its own clock, so the server's "now" must be the real one.
    server = await MockEnclaveServer.start({ seed: 1, orgs: 2, systemsPerOrg: 20, keysPerOrg: 6, unapprovedPerOrg: 3, now: Date.now() });
    wb = await Workbench.open({ settings: { 'enclave.apiUrl': server.url }, env: { ENCLAVE_DEMO_TOKEN: server.token } });
  });

  dependentSteps('features', () => wb);

  after(async () => {
    await wb?.close();
    await server?.close();
  });

  /** A name that labels exactly one row among these (the tree and the picks find rows by label). */
  const unique = <T extends Parameters<typeof nameOf>[0]>(all: readonly T[]) => (s: T): boolean =>
    all.filter((o) => nameOf(o) === nameOf(s)).length === 1;

  /** The answer of the server itself to a systems search: the names it matches. */
  async function serverSearch(orgId: string, search: string): Promise<string[]> {
    const url = `${server.url}/org/${orgId}/systems?search=${encodeURIComponent(search)}&include_disabled=true&per_page=200`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${server.token}`, 'user-agent': 'features.test' } });
    assert.strictEqual(response.status, 200, `GET ${url}`);
    const body = await response.json() as { items: EnclaveSystem[] };
    return body.items.map(nameOf).sort(byName);
  }

  /** Rows of one quick pick (label first line) by its label; waits until one shows. */
  async function waitForQuickRow(label: string | RegExp): Promise<Locator> {
    const rows = wb.page.locator('.quick-input-list .monaco-list-row');
    const text = typeof label === 'string' ? new RegExp(`^\\s*${escape(label)}\\s*$`) : label;
    const row = rows.filter({ has: wb.page.locator('.quick-input-list-row:first-child .label-name', { hasText: text }) }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    return row;
  }

  /** The first quick pick row on screen (the list's DOM order need not be its order). */
  const firstRow = () => wb.page.locator('.quick-input-list .monaco-list-row[data-index="0"]');
  /** Its label, and its whole text (label, description, detail). */
  const firstRowLabel = async (): Promise<string> => (await firstRow().locator('.label-name').first().innerText()).trim();
  const firstRowText = (): Promise<string> => firstRow().innerText();

  it('is signed in from the demo token: the organisations, one expanded with its systems', async () => {
    await wb.openEnclaveView();
    const names = server.store.orgs.map((o) => o.properties.name).sort(byName);
    for (const name of names) await wb.waitForTreeItem(name, 30_000);
    assert.deepStrictEqual(await wb.treeItemLabels(1), names, 'tree roots are the organisations');
    org = server.store.orgs.find((o) => o.properties.name === names[0])!;
    await wb.resizeSidebar(560);
    await wb.expandTreeItem(org.properties.name);
    await wb.expandTreeItem('Systems');
    await wb.waitForTreeItemDescription('Systems', String(server.store.systems(org.id).length));
  });

  it('filters the systems in the search syntax, with completions while typing (filter.png)', async () => {
    await wb.runCommand('Enclave: Filter…');
    // Two organisations: which one, then which of its lists.
    await wb.waitForQuickInput('Filter a List');
    await wb.pickQuickItem(org.properties.name);
    await wb.waitForQuickInput('Filter a List');
    await waitForQuickRow('Systems');
    assert.deepStrictEqual(await wb.quickPickItems(), ['Systems', 'Enrolment keys', 'Pending approval']);
    await wb.pickQuickItem('Systems');
    await wb.waitForQuickInput('Filter systems');

    // A key and its colon: the box says it needs a value, and offers the values the API lists.
    await wb.typeInQuickInput('state:', { submit: false });
    await waitForQuickRow('state:connected');
    await wb.waitForQuickInput('Filter systems');
    const offered = await wb.quickPickItems();
    for (const value of ['state:connected', 'state:disconnected', 'state:disabled']) {
      assert.ok(offered.includes(value), `completions after "state:": ${offered.join(' | ')}`);
    }
    // The first row (what Enter does) is the text as typed, saying what is missing.
    assert.strictEqual(await firstRowLabel(), 'state:', `rows after "state:": ${offered.join(' | ')}`);
    assert.match(await firstRowText(), /'state:' needs a value/);
    await readmeScreenshot(wb, 'filter');

    // Choosing a completion puts it into the box (and keeps the box open for the next term).
    await wb.pickQuickItem('state:connected');
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    await waitUntil(async () => (await input.inputValue()) === 'state:connected ', 'the completion is in the box');
    await wb.typeInQuickInput(FILTER, { submit: false });
    const apply = await waitForQuickRow(FILTER);
    await apply.and(wb.page.locator('.focused')).waitFor({ timeout: 15_000 });
    assert.strictEqual(await firstRowLabel(), FILTER, 'the row that applies the text is first');
    assert.match(await firstRowText(), /Apply this filter/);
    const before = server.requests.length;
    await wb.acceptQuickInput();
    await input.waitFor({ state: 'hidden', timeout: 15_000 });

    const systemsPath = `/org/${org.id}/systems`;
    await waitUntil(() => server.requests.slice(before).some((r) => r.path === systemsPath && r.query.search === FILTER),
      `the server is asked for the systems matching "${FILTER}"`);
    const matching = await serverSearch(org.id, FILTER);
    assert.ok(matching.length > 0 && matching.length < server.store.systems(org.id).length, `"${FILTER}" matches ${matching.length} systems`);
    await wb.waitForTreeItemDescription('Systems', `${matching.length} · filter: ${FILTER}`);
    // Exactly the systems the server matched are the rows under Systems now.
    await waitUntil(async () => {
      const labels = await wb.treeItemLabels();
      const rows = labels.slice(labels.indexOf('Systems') + 1, labels.indexOf('Enrolment keys'));
      return JSON.stringify([...rows].sort(byName)) === JSON.stringify(matching);
    }, `the Systems rows are ${matching.join(', ')}`);
  });

  it('groups the systems by tag: a group per tag the server has, one expanded (grouping.png)', async () => {
    // The whole list again first, so the groups hold every system.
    await wb.runCommand('Enclave: Clear Filter');
    await wb.waitForQuickInput('Clear a Filter');
    await wb.pickQuickItem(org.properties.name);
    await wb.waitForQuickInput('Clear a Filter');
    await wb.pickQuickItem('Systems');
    const systems = server.store.systems(org.id);
    await wb.waitForTreeItemDescription('Systems', String(systems.length));

    await wb.runCommand('Enclave: Group Systems By…');
    await wb.waitForQuickInput('Group Systems By');
    await waitForQuickRow('Tag');
    assert.deepStrictEqual(await wb.quickPickItems(), ['Not grouped', 'State', 'Platform', 'Tag', 'Enrolment key']);
    await wb.pickQuickItem('Tag');
    await wb.waitForTreeItemDescription('Systems', 'by tag');

    const tags = [...new Set(systems.flatMap((s) => s.tags.map((t) => t.tag)))].sort(byName);
    const withTag = (tag: string): EnclaveSystem[] => systems.filter((s) => s.tags.some((t) => t.tag === tag));
    for (const tag of tags) await wb.waitForTreeItem(tag);
    assert.deepStrictEqual(await wb.treeItemLabels(3), tags, 'the groups are the tags of the systems, alphabetically');
    for (const tag of tags.slice(0, 4)) assert.strictEqual(await wb.treeItemDescription(tag), String(withTag(tag).length), `systems tagged ${tag}`);

    // A group's rows are its own server-side query: exactly the systems with that tag.
    const tag = tags[0];
    const members = withTag(tag).map(nameOf).sort(byName);
    await wb.expandTreeItem(tag);
    await waitUntil(async () => {
      const shown = (await wb.sidebar.locator('[role="treeitem"][aria-level="4"] .label-name').allInnerTexts()).map((l) => l.trim());
      return JSON.stringify([...shown].sort(byName)) === JSON.stringify(members);
    }, `the ${tag} group shows ${members.join(', ')}`);
    assert.ok(server.requests.some((r) => r.path === `/org/${org.id}/systems` && r.query.search === `tags:${tag}`), `the ${tag} group asked for tags:${tag}`);
    await readmeScreenshot(wb, 'grouping');
  });

  it('enables a disabled system for 1 hour from the palette: enabled with an expiry, "disables in" (time-boxed.png)', async () => {
    // Ungrouped again, so the system's row is in the plain Systems list.
    await wb.runCommand('Enclave: Group Systems By…');
    await wb.waitForQuickInput('Group Systems By');
    await wb.pickQuickItem('Not grouped');
    const systems = server.store.systems(org.id);
    await wb.waitForTreeItemDescription('Systems', String(systems.length));

    const target = [...systems].sort((a, b) => byName(nameOf(a), nameOf(b)))
      .find((s) => !s.isEnabled && unique(systems)(s) && !!s.description?.trim());
    assert.ok(target, 'the seed has a disabled system with a unique description');
    assert.ok(target.tags.length > 0, `${nameOf(target)} has tags (the JSON step edits one)`);
    timed = target;
    const name = nameOf(target);
    assert.match(await wb.treeItemDescription(name), /^Disabled\b/);

    await wb.runCommand('Enclave: Enable System For…');
    await wb.waitForQuickInput('Enable Systems for a Time');
    await wb.pickQuickItem(org.properties.name);
    await wb.waitForQuickInput('Enable Systems for a Time');
    await waitForQuickRow(name);
    await wb.checkQuickItem(name);
    await wb.acceptQuickInput();

    const title = `Enable system '${name}' for…`;
    await wb.waitForQuickInput(new RegExp(`^${escape(title)}`));
    await waitForQuickRow('1 hour');
    assert.deepStrictEqual(await wb.quickPickItems(), ['1 hour', '8 hours', '1 day', 'Until a date and time…']);
    await wb.pickQuickItem('1 hour');
    await waitForQuickRow('Disable at expiry');
    assert.deepStrictEqual(await wb.quickPickItems(), ['Disable at expiry', 'Revoke at expiry']);
    const sentAt = Date.now();
    await wb.pickQuickItem('Disable at expiry');

    await waitUntil(() => server.store.system(org.id, target.systemId)?.isEnabled === true, `the server has ${name} enabled`);
    const now = server.store.system(org.id, target.systemId)!;
    assert.ok(now.autoExpire, `${name} has an autoExpire`);
    assert.strictEqual(now.autoExpire.expiryAction, 'Disable');
    const ends = Date.parse(now.autoExpire.expiryDateTime);
    assert.ok(Math.abs(ends - (sentAt + 3_600_000)) < 60_000, `expires at ${now.autoExpire.expiryDateTime}, an hour after ${new Date(sentAt).toISOString()}`);
    const enableUntil = server.requests.filter((r) => r.method === 'PUT' && r.path === `/org/${org.id}/systems/${target.systemId}/enable-until`);
    assert.deepStrictEqual(enableUntil.map((r) => r.status), [200], 'one enable-until call');

    const description = await wb.waitForTreeItemDescription(name, /disables in (59 min|1 h)$/);
    assert.match(description, /^Disconnected\b/);
    await wb.waitForNotification(`Enabled system '${name}' until`);
    await readmeScreenshot(wb, 'time-boxed');
  });

  it('reviews approvals across organisations and approves one: it leaves the pending list (approvals.png)', async () => {
    const waiting = server.store.orgs.flatMap((o) => server.store.unapprovedSystems(o.id).map((s) => ({ org: o, system: s })));
    assert.ok(new Set(waiting.map((w) => w.org.id)).size > 1, 'systems wait in more than one organisation');

    await wb.runCommand('Enclave: Review Approvals');
    // A multi-step flow: the title carries the step, "(1/2)".
    await wb.waitForQuickInput(new RegExp(`^Review Approvals \\(${waiting.length} waiting\\) \\(1/2\\)$`));
    const all = waiting.map((w) => w.system);
    const target = waiting.find((w) => w.org.id === org.id && unique(all)(w.system) && !!w.system.description?.trim());
    assert.ok(target, 'a system with a unique name waits in the first organisation');
    approved = target.system;
    const name = nameOf(target.system);
    const row = await waitForQuickRow(name);
    const labels = await wb.quickPickItems();
    assert.deepStrictEqual([...labels].sort(byName), all.map(nameOf).sort(byName), 'every waiting system, in both organisations');
    // Each row: the organisation, and on its second line how long it has waited and the key.
    const rowText = (await row.innerText()).replace(/\s+/g, ' ');
    assert.ok(rowText.includes(org.properties.name), `row: ${rowText}`);
    assert.match(rowText, new RegExp(`waiting \\d+ (days?|hours?) · key ${escape(target.system.enrolmentKeyDescription ?? '')}`), `row: ${rowText}`);
    await wb.checkQuickItem(name);
    await readmeScreenshot(wb, 'approvals');

    await wb.acceptQuickInput();
    await wb.waitForQuickInput(/^Review Approvals \(2\/2\)$/);
    await wb.pickQuickItem(new RegExp(`Approve system '${escape(name)}'`));
    await waitUntil(() => server.store.unapprovedSystem(org.id, target.system.systemId) === undefined, `${name} leaves the pending list`);
    assert.ok(server.store.system(org.id, target.system.systemId), `${name} is an enrolled system now`);
    assert.strictEqual(server.store.unapprovedSystems(org.id).length + 1, waiting.filter((w) => w.org.id === org.id).length, 'only that one was approved');
    assert.strictEqual(await wb.waitForNotification(`Approved 1 system in ${org.properties.name}`), `Approved 1 system in ${org.properties.name}.`);
  });

  it('edits a system as JSON: an enclave: document with its fields, checked by the schema (edit-json.png)', async () => {
    const name = nameOf(timed);
    await wb.runCommand('Enclave: Edit System as JSON');
    await wb.waitForQuickInput('Edit System as JSON');
    await wb.pickQuickItem(org.properties.name);
    await wb.waitForQuickInput('Edit System as JSON');
    await wb.pickQuickItem(name);

    const editor = await wb.waitForEditor('enclave:');
    const uri = decodeURIComponent(await wb.editorUri(editor));
    assert.strictEqual(uri, `enclave:/${org.id}/systems/${timed.systemId} ${name}.json`);
    let text = '';
    await waitUntil(async () => /^\}$/m.test(text = await wb.editorText(editor)), 'the whole document is shown');
    const doc = JSON.parse(text) as { description: string; isEnabled: boolean; tags: string[]; readOnly: { systemId: string } };
    assert.strictEqual(doc.description, timed.description);
    assert.strictEqual(doc.isEnabled, true, 'enabled by the time-boxed step');
    assert.deepStrictEqual(doc.tags, timed.tags.map((t) => t.tag));
    assert.strictEqual(doc.readOnly.systemId, timed.systemId);

    // A tag the API would refuse: the schema's own message, as you type.
    const lines = text.split('\n');
    const open = lines.findIndex((l) => /^\s*"tags": \[$/.test(l));
    const at = open + 1;
    assert.ok(open > 0 && /^\s*"[a-z0-9.-]+",?$/.test(lines[at]), `no tag line in:\n${text}`);
    const old = lines[at].trim();
    const typed = `"Web Servers"${old.endsWith(',') ? ',' : ''}`;
    await editor.locator('.view-lines').click();
    await wb.page.keyboard.press('Control+Home');
    for (let i = 0; i < at; i++) await wb.page.keyboard.press('ArrowDown');
    await wb.page.keyboard.press('End');
    for (let i = 0; i < old.length; i++) await wb.page.keyboard.press('Backspace');
    // The closing quote is typed over the one the editor adds.
    await wb.page.keyboard.type(typed);
    const edited = lines[at].replace(old, typed);
    await waitUntil(async () => (await wb.editorText(editor)).split('\n')[at] === edited, `line ${at + 1} reads ${edited.trim()}`);
    // JSON schema problems are warnings in VS Code (the save's own check is the hard gate).
    await editor.locator('.squiggly-warning, .squiggly-error').first().waitFor({ state: 'visible', timeout: 30_000 });
    // The Problems panel (Ctrl+Shift+M) says what is wrong, in the schema's words.
    await wb.page.keyboard.press('Control+Shift+M');
    const problem = wb.page.locator('.markers-panel .monaco-list-row', { hasText: /Lower-case letters and digits/ }).first();
    await problem.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await problem.innerText(), /Lower-case letters and digits, with single '-' or '\.' between words \(e\.g\. web-servers\)\./);
    await readmeScreenshot(wb, 'edit-json', { x: 0.2, y: 0.85 });
    // Nothing was saved: the server's copy is as the time-boxed step left it.
    assert.strictEqual(server.store.system(org.id, timed.systemId)?.isEnabled, true);
    assert.ok(!server.requests.some((r) => r.method === 'PATCH'), 'no PATCH was sent');
  });

  it('shows the activity log newest first in the Activity view (activity.png)', async () => {
    // Put the document back as the server has it and close it, so the view has the window.
    await wb.runCommand('File: Revert File');
    await wb.runCommand('View: Close All Editors');
    await wb.runCommand('View: Hide Panel');
    await wb.page.locator('.part.editor .monaco-editor').first().waitFor({ state: 'hidden', timeout: 15_000 });

    const before = server.requests.length;
    const pane = await wb.expandViewPane('Activity');
    // The log has the sidebar to itself, wide enough for whole messages.
    await wb.collapseViewPane('Networks');
    await wb.resizeSidebar(760);
    const orgRow = pane.locator('[role="treeitem"]').filter({ has: wb.page.locator('.label-name', { hasText: new RegExp(`^\\s*${escape(org.properties.name)}\\s*$`) }) }).first();
    await orgRow.waitFor({ state: 'visible', timeout: 15_000 });
    if ((await orgRow.getAttribute('aria-expanded')) === 'false') await orgRow.locator('.monaco-tl-twistie').click();
    await waitUntil(() => server.requests.slice(before).some((r) => r.path === `/org/${org.id}/logs` && r.status === 200), 'the view asks for the log');

    const log = server.store.logEntries(org.id);
    const expected = log.slice(0, 6).map((e) => e.message.replace(/\s+/g, ' ').trim());
    // The two changes made above are the newest: the approval, then the time-boxed enable.
    assert.match(expected[0], new RegExp(`\\(${escape(approved.systemId)}\\) approved$`), `newest entry: ${expected[0]}`);
    assert.match(expected[1], new RegExp(`\\(${escape(timed.systemId)}\\) enabled until .*, then disabled$`), `second entry: ${expected[1]}`);
    const entries = pane.locator('[role="treeitem"][aria-level="2"] .label-name');
    let shown: string[] = [];
    await waitUntil(async () => JSON.stringify((shown = (await entries.allInnerTexts()).map((l) => l.trim())).slice(0, expected.length)) === JSON.stringify(expected),
      'the first rows are the newest entries of the server\'s log').catch((err: Error) => {
      throw new Error(`${err.message}; expected ${expected.join(' | ')}; rows: ${shown.slice(0, 8).join(' | ')}`);
    });
    const firstDescription = (await pane.locator('[role="treeitem"][aria-level="2"]').first().locator('.label-description').innerText()).trim();
    assert.match(firstDescription, /^(just now|1 minute ago) · API token$/, `the newest entry's age: ${firstDescription}`);
    await readmeScreenshot(wb, 'activity');
  });
});
