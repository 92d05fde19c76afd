// What a user does first, in the real workbench: open the Enclave view, sign in by typing a token
// into the input box (a malformed one, a well-formed one the API rejects, then the real one),
// expand an organisation's systems and keys, and disable a system from the command palette.
// Every check is against the local API server's own state, not against what the extension says.
//
// Screenshots (whole window): sign-in.png (the token box) and tree.png (organisations, systems and
// keys expanded) go to test-results/, or to media/screenshots/ (the README's) when
// ENCLAVE_UPDATE_SCREENSHOTS=1.
import * as assert from 'assert';
import { MockEnclaveServer } from '../server';
import type { OrgState } from '../server';
import type { EnclaveSystem } from '../../src/api/types';
import { dependentSteps, nameOf, readmeScreenshot, waitUntil } from './steps';
import { Workbench } from './workbench';

const SIGN_IN_TITLE = 'Sign in to Enclave';
const STATUS_ID = 'enclave.status';

describe('browser: sign in by typing, the tree, an action from the palette', function () {
  this.timeout(60_000);
  let server: MockEnclaveServer;
  let wb: Workbench;
  let org: OrgState;

  before(async function () {
    this.timeout(90_000);
    // 3 organisations of 20 systems: ~60 systems, and one organisation's systems, keys and the
    // other organisations all fit in one screenshot.
    server = await MockEnclaveServer.start({ seed: 1, orgs: 3, systemsPerOrg: 20, keysPerOrg: 6, unapprovedPerOrg: 3 });
    // No demo token in the environment: the only way in is typing one.
    wb = await Workbench.open({ settings: { 'enclave.apiUrl': server.url } });
  });

  dependentSteps('signInAndTree', () => wb);

  after(async () => {
    await wb?.close();
    await server?.close();
  });

  it('shows the welcome view with a Sign In button while signed out', async () => {
    await wb.openEnclaveView();
    const welcome = wb.page.locator('#workbench\\.view\\.extension\\.enclave .welcome-view-content');
    await welcome.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await welcome.innerText(), /personal access token/);
    await wb.waitForStatusBarItem(STATUS_ID, /Enclave: Sign in/);
    assert.strictEqual(server.requests.length, 0, 'nothing may be sent to the API before a token is given');
  });

  it('checks the token as it is typed and verifies it with the API', async () => {
    await wb.clickWelcomeButton('Sign In');
    await wb.waitForQuickInput(SIGN_IN_TITLE);
    const routes = await wb.quickPickItems();
    assert.ok(routes.includes('I have a token'), `sign-in routes: ${routes.join(' | ')}`);
    await wb.pickQuickItem('I have a token');
    const box = wb.page.locator('.quick-input-widget .quick-input-box input[type="password"]');
    await box.waitFor({ state: 'visible', timeout: 15_000 });
    assert.strictEqual(await wb.quickInputTitle(), SIGN_IN_TITLE);

    // Malformed: the box says why as soon as it is typed, and Enter does not take it.
    await wb.typeInQuickInput('not-a-token', { submit: false });
    const malformed = await wb.waitForQuickInputMessage(/63 letters and digits/);
    assert.match(malformed, /contains characters other than letters and digits/);
    await wb.typeInQuickInput('abc123', { submit: false });
    assert.match(await wb.waitForQuickInputMessage(/this one has 6 characters/), /^Enclave tokens are 63 letters and digits/);
    await wb.acceptQuickInput();
    await box.waitFor({ state: 'visible', timeout: 5_000 });
    assert.strictEqual(server.requests.length, 0, 'a malformed token must not be sent');

    // Well-formed but unknown to the API: no format message, the API is asked and says no.
    const wrong = 'Z'.repeat(63);
    await wb.typeInQuickInput(wrong, { submit: false });
    await wb.page.locator('.quick-input-widget .quick-input-message', { hasText: /63 letters/ })
      .waitFor({ state: 'hidden', timeout: 15_000 });
    await readmeScreenshot(wb, 'sign-in');
    await wb.acceptQuickInput();
    const rejected = await wb.waitForQuickInputMessage(/rejected this token/);
    assert.match(rejected, /^Enclave rejected this token/);
    assert.strictEqual(await box.inputValue(), wrong, 'the rejected token is kept in the box to correct');
    const asked = server.requests.filter((r) => r.path === '/account/orgs');
    assert.deepStrictEqual(asked.map((r) => r.status), [401], 'one verification request, answered 401');

    await wb.typeInQuickInput(server.token);
    await box.waitFor({ state: 'hidden', timeout: 15_000 });
  });

  it('lists the organisations from the API and shows the connection in the status bar', async () => {
    const names = server.store.orgs.map((o) => o.properties.name);
    await wb.waitForTreeItem(names[0], 20_000);
    for (const name of names) await wb.waitForTreeItem(name);
    const roots = await wb.treeItemLabels(1);
    assert.deepStrictEqual([...roots].sort(), [...names].sort(), 'tree roots are the organisations');
    org = server.store.orgs.find((o) => o.properties.name === roots[0])!;
    assert.ok(org, `first tree row "${roots[0]}" is not an organisation of the server`);

    assert.strictEqual(await wb.waitForNotification('Signed in to Enclave'), `Signed in to Enclave: ${names.length} organisations.`);
    const status = await wb.waitForStatusBarItem(STATUS_ID, new RegExp(`Enclave: ${names.length} orgs`));
    assert.match(status, new RegExp(`^\\s*Enclave: ${names.length} orgs$`));
    const aria = (await wb.statusBarItem(STATUS_ID).getAttribute('aria-label')) ?? '';
    assert.ok(aria.replace(/&nbsp;/g, ' ').includes(`Connected to Enclave at ${new URL(server.url).host}`), `status bar aria-label: ${aria}`);
  });

  it('expands an organisation: its systems and enrolment keys from the API', async () => {
    await wb.resizeSidebar(560);
    await wb.expandTreeItem(org.properties.name);
    const systems = server.store.systems(org.id);
    const keys = server.store.keys(org.id);
    const systemsRow = await wb.expandTreeItem('Systems');
    // The total shows once the first page is in.
    await wb.waitForTreeItemDescription('Systems', String(systems.length));
    assert.ok(await systemsRow.isVisible());
    // Rows are sorted by name: the first few are on screen whatever the window height.
    const firstSystems = systems.map(nameOf).sort((a, b) => a.localeCompare(b)).slice(0, 5);
    for (const name of firstSystems) await wb.waitForTreeItem(name);

    // A row's description starts with the system's state (Disabled wins over the connection).
    const unique = (s: EnclaveSystem): boolean => systems.filter((o) => nameOf(o) === nameOf(s)).length === 1;
    for (const s of systems.filter(unique).slice(0, 8)) {
      const expected = s.isEnabled ? s.state : 'Disabled';
      assert.match(await wb.treeItemDescription(nameOf(s)), new RegExp(`^${expected}\\b`), `state of ${nameOf(s)}`);
    }

    await wb.expandTreeItem('Enrolment keys');
    await wb.waitForTreeItemDescription('Enrolment keys', String(keys.length));
    const keyNames = keys.map((k) => k.description?.trim() || `Enrolment key #${k.id}`).sort((a, b) => a.localeCompare(b));
    for (const name of keyNames.slice(0, 3)) await wb.waitForTreeItem(name);

    const shown = await wb.treeItemLabels();
    assert.ok(shown.includes('Pending approval'), `rows: ${shown.join(' | ')}`);
    await readmeScreenshot(wb, 'tree');
  });

  it('disables a system from the command palette: the server has it disabled and so does the tree', async () => {
    const systems = server.store.systems(org.id);
    const labelCount = (name: string): number => systems.filter((s) => nameOf(s) === name).length
      + server.store.keys(org.id).filter((k) => k.description?.trim() === name).length;
    const target = [...systems].sort((a, b) => nameOf(a).localeCompare(nameOf(b)))
      .find((s) => s.isEnabled && s.state === 'Connected' && labelCount(nameOf(s)) === 1 && nameOf(s).length >= 5);
    assert.ok(target, 'the seed has a connected system with a unique name');
    const name = nameOf(target);
    const before = new Map(systems.map((s) => [s.systemId, s.isEnabled]));
    assert.match(await wb.treeItemDescription(name), /^Connected\b/);

    await wb.runCommand('Enclave: Disable System');
    // Three organisations: the command asks which one first.
    await wb.waitForQuickInput('Disable Systems');
    const orgChoices = await wb.quickPickItems();
    assert.deepStrictEqual(orgChoices, server.store.orgs.map((o) => o.properties.name).sort((a, b) => a.localeCompare(b)));
    await wb.pickQuickItem(org.properties.name);

    // Then the systems, filtered by typing part of the name.
    const part = name.slice(0, Math.min(name.length, 8)).toLowerCase();
    // The systems pick has the organisation pick's title: wait for its rows (not the
    // organisations, and not the empty moment while one pick replaces the other).
    let unfiltered: string[] = [];
    await waitUntil(async () => {
      unfiltered = await wb.quickPickItems();
      return unfiltered.length > 0 && JSON.stringify(unfiltered) !== JSON.stringify(orgChoices);
    }, 'the systems pick shows its rows');
    await wb.typeInQuickInput(part, { submit: false });
    let filtered: string[] = [];
    await waitUntil(async () => (filtered = await wb.quickPickItems()).length < unfiltered.length,
      `typing "${part}" filters the ${unfiltered.length} rows`).catch((err: Error) => {
      throw new Error(`${err.message}; rows: ${filtered.join(' | ')}`);
    });
    assert.ok(filtered.includes(name), `after typing "${part}": ${filtered.join(' | ')}`);
    await wb.checkQuickItem(name);
    await wb.acceptQuickInput();

    const question = await wb.waitForDialog(name);
    assert.match(question, new RegExp(`Disable system '${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'\\?`));
    await wb.clickDialogButton('Disable');

    await waitUntil(() => server.store.system(org.id, target.systemId)?.isEnabled === false, `the server has ${name} disabled`);
    const changed = server.store.systems(org.id).filter((s) => s.isEnabled !== before.get(s.systemId)).map(nameOf);
    assert.deepStrictEqual(changed, [name], 'only the picked system changed');
    await wb.waitForTreeItemDescription(name, /^Disabled\b/);
    assert.strictEqual(await wb.waitForNotification(`Disabled system '${name}'`), `Disabled system '${name}'.`);
    await wb.screenshot('signInAndTree-disabled');
  });
});
