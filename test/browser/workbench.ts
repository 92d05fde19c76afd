/**
 * A small Playwright driver over the code-server workbench, with this extension loaded in
 * development mode (the built dist/extension.js: run `npm run build` first, `npm test` does).
 *
 *   const wb = await Workbench.open({
 *     settings: { 'enclave.apiUrl': server.url },     // seeded into a fresh User/settings.json
 *     env: { ENCLAVE_DEMO_TOKEN: server.token },      // the extension host's process.env
 *   });
 *   await wb.openEnclaveView();                       // click the activity-bar icon, wait for the view
 *   await wb.runCommand('Enclave: Sign In');          // F1, type the title, pick the exact match
 *   await wb.waitForQuickInput('Sign in to Enclave'); // the command's input box / quick pick is open
 *   await wb.typeInQuickInput(server.token);          // fill the input box, press Enter
 *   await wb.quickInputMessage();                     // validation text under the input, if any
 *   await wb.quickInputTitle();                       // title of the open input box / quick pick
 *   await wb.quickPickItems();                        // labels of the rendered quick pick rows
 *   await wb.pickQuickItem('Acme');                   // click a quick pick row by label
 *   await wb.waitForQuickInputMessage(/63 letters/);  // wait for that validation text under the input
 *   await wb.checkQuickItem('web-01');                // tick a multi-select row's checkbox by label
 *   await wb.acceptQuickInput();                      // Enter in the open quick input
 *   await wb.clickWelcomeButton('Sign In');           // a button in the Enclave view's welcome content
 *   await wb.waitForDialog(/Disable/);                // a modal dialog's text (string = substring)
 *   await wb.clickDialogButton('Disable');            // one of its buttons, by exact label
 *   await wb.waitForStatusBarItem('enclave.status', /3 orgs/); // a status bar entry's text
 *   await wb.resizeSidebar(480);                      // drag the sidebar's sash to this width (px)
 *   await wb.treeItemDescription('web-01');           // the description text beside a row's label
 *   await wb.waitForTreeItemDescription('Systems', '60'); // wait until it matches (string = exact)
 *   await wb.expandTreeItem('Acme');                  // click its twistie, wait for aria-expanded="true"
 *   await wb.waitForTreeItem(/^laptop-/);             // a sidebar tree row by label (string = exact)
 *   await wb.treeItemLabels();                        // labels of the rendered sidebar rows
 *   wb.viewPane('Activity');                          // a view's pane in the sidebar, by its name
 *   await wb.expandViewPane('Activity');              // click its header open, wait for its body
 *   await wb.collapseViewPane('Networks');            // click it closed: the other views get its room
 *   await wb.waitForEditor('enclave:');               // a text editor whose document URI starts so
 *   await wb.editorUri(editor); await wb.editorText(editor); // its URI, the text of its rendered lines
 *   await wb.waitForNotification(/Signed in/);        // a notification's message (string = substring)
 *   await wb.notifications();                         // all notification messages now
 *   await wb.screenshot('signed-in');                 // → test-results/signed-in.png (path returned)
 *   await wb.screenshot('tree', { dir: 'media/screenshots' }); // another folder (relative to the repo)
 *   wb.logs();                                        // workbench + extension host console lines
 *   await wb.close();                                 // browser and code-server, always (in after())
 *
 * Labels: a string matches the whole label (trimmed), a RegExp is used as given. `wb.treeItem(label)`
 * and `wb.sidebar` are Playwright Locators, `wb.page` the raw Page, for anything not covered here.
 * Commands open their quick input asynchronously: after runCommand, wait with waitForQuickInput
 * (or pickQuickItem/typeInQuickInput, which wait for their element) before reading it. Tree rows
 * are found by their `.label-name` text; VS Code renders only visible rows, so scroll or collapse.
 * Notifications are read from the notifications center (opened and closed around the read): this
 * host shows no toasts. Status bar entries are found by the id the extension gave
 * createStatusBarItem (the DOM id is `<extension id>.<that id>`). Editors are found by their
 * document's URI (Monaco's `data-uri`); editorText reads the rendered lines only, so it is the
 * whole text of a document that fits the editor.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { Chromium, launchChromium } from '../host/chromium';
import { CodeServer, startCodeServer } from '../host/codeServer';
import { repoRoot, resultsDir } from '../host/paths';
import { formatConsoleArgs, isNoise } from '../host/workbenchLog';

export interface WorkbenchOptions {
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  workspaceFolder?: string;
  /** Per-action timeout in ms (default 15 s); opening allows 60 s. */
  timeout?: number;
}

type Label = string | RegExp;
const exact = (label: Label): RegExp =>
  // Icons render as a leading space in the text, hence the \s*.
  typeof label === 'string' ? new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) : label;
// A quick pick row's first line is its label; the second (meta) line holds description and detail.
const QUICK_LABEL = '.quick-input-list-rows > .quick-input-list-row:first-child .label-name';
const ENCLAVE_ICON = '.part.activitybar a.action-label[class*="activity-workbench-view-extension-enclave-"]';
const ENCLAVE_VIEW = '#workbench\\.view\\.extension\\.enclave';
const QUICK_INPUT = '.quick-input-widget .quick-input-box input';

export class Workbench {
  private readonly lines: string[] = [];

  private constructor(readonly page: Page, private readonly browser: Chromium,
    private readonly server: CodeServer, private readonly timeout: number) {}

  static async open(options: WorkbenchOptions = {}): Promise<Workbench> {
    const server = await startCodeServer({ settings: options.settings, workspaceFolder: options.workspaceFolder });
    let browser: Chromium | undefined;
    try {
      browser = await launchChromium();
      const wb = new Workbench(browser.page, browser, server, options.timeout ?? 15_000);
      await wb.page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
        const message = formatConsoleArgs(args);
        if (!isNoise(message)) wb.lines.push(`${type}: ${message}`);
      });
      await wb.page.goto(server.workbenchUrl({ extensionDevelopmentPath: repoRoot, extensionEnvironment: options.env }));
      // The icon appears once the extension's manifest is loaded: the workbench is ready for us.
      await wb.page.locator(ENCLAVE_ICON).waitFor({ state: 'visible', timeout: 60_000 });
      return wb;
    } catch (err) {
      await browser?.close();
      await server.stop();
      throw err;
    }
  }

  get sidebar(): Locator {
    return this.page.locator('.part.sidebar');
  }

  async openEnclaveView(): Promise<void> {
    const view = this.page.locator(ENCLAVE_VIEW);
    if (!(await view.isVisible())) await this.page.locator(ENCLAVE_ICON).click();
    await view.waitFor({ state: 'visible', timeout: this.timeout });
  }

  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: this.timeout });
    await input.fill(`>${title}`);
    // Rows read "Title" or "Title, recently used": pick the exact command, not whatever is first.
    const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const row = this.page.locator('.quick-input-list').getByRole('option', { name: new RegExp(`^${escaped}(,|$)`) });
    await row.first().click({ timeout: this.timeout });
    // The palette's rows must be gone before a caller looks at the command's own quick pick.
    await row.first().waitFor({ state: 'hidden', timeout: this.timeout });
  }

  async typeInQuickInput(text: string, options: { submit?: boolean } = {}): Promise<void> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: this.timeout });
    await input.fill(text);
    if (options.submit ?? true) await input.press('Enter');
  }

  async quickInputMessage(): Promise<string> {
    const message = this.page.locator('.quick-input-widget .quick-input-message');
    return (await message.isVisible()) ? (await message.innerText()).trim() : '';
  }

  /** The command's own input box or quick pick is open (optionally: with this title). */
  async waitForQuickInput(title?: Label): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    await widget.waitFor({ state: 'visible', timeout: this.timeout });
    if (title !== undefined) {
      await widget.locator('.quick-input-title', { hasText: exact(title) }).waitFor({ state: 'visible', timeout: this.timeout });
    }
  }

  async quickInputTitle(): Promise<string> {
    const title = this.page.locator('.quick-input-widget .quick-input-title');
    return (await title.isVisible()) ? (await title.innerText()).trim() : '';
  }

  async quickPickItems(): Promise<string[]> {
    if (!(await this.page.locator('.quick-input-widget').isVisible())) return [];
    const labels = await this.page.locator(`.quick-input-list .monaco-list-row ${QUICK_LABEL}`).allInnerTexts();
    return labels.map((l) => l.trim());
  }

  async pickQuickItem(label: Label): Promise<void> {
    const rows = this.page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ has: this.page.locator(QUICK_LABEL, { hasText: exact(label) }) }).first()
      .click({ timeout: this.timeout });
  }

  /** Waits until the validation message under the quick input matches (string = substring). */
  async waitForQuickInputMessage(text: Label, timeout = this.timeout): Promise<string> {
    const message = this.page.locator('.quick-input-widget .quick-input-message', { hasText: text });
    await message.waitFor({ state: 'visible', timeout });
    return (await message.innerText()).trim();
  }

  /** Ticks the checkbox of a multi-select quick pick row (by exact label) and waits until it is checked. */
  async checkQuickItem(label: Label): Promise<void> {
    const row = this.page.locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator(QUICK_LABEL, { hasText: exact(label) }) }).first();
    const box = row.locator('[role="checkbox"]');
    if ((await box.getAttribute('aria-checked', { timeout: this.timeout })) !== 'true') await box.click({ timeout: this.timeout });
    await row.locator('[role="checkbox"][aria-checked="true"]').waitFor({ timeout: this.timeout });
  }

  /** Enter in the open input box or quick pick (a multi-select pick accepts its ticked rows). */
  async acceptQuickInput(): Promise<void> {
    const input = this.page.locator(QUICK_INPUT);
    await input.waitFor({ state: 'visible', timeout: this.timeout });
    await input.press('Enter');
  }

  /** Clicks a button of the Enclave view's welcome content (shown while the tree is empty). */
  async clickWelcomeButton(label: Label): Promise<void> {
    await this.page.locator(`${ENCLAVE_VIEW} .welcome-view-content .monaco-button`, { hasText: exact(label) }).first()
      .click({ timeout: this.timeout });
  }

  /** Waits for a modal dialog whose text matches (string = substring); returns its message and detail. */
  async waitForDialog(text?: Label, timeout = this.timeout): Promise<string> {
    const dialog = this.page.locator('.monaco-dialog-box', text === undefined ? {} : { hasText: text }).first();
    await dialog.waitFor({ state: 'visible', timeout });
    return (await dialog.locator('.dialog-message-row').innerText()).trim();
  }

  /** Clicks a button of the open modal dialog by its exact label and waits for the dialog to close. */
  async clickDialogButton(label: Label): Promise<void> {
    const dialog = this.page.locator('.monaco-dialog-box').first();
    await dialog.locator('.dialog-buttons .monaco-button', { hasText: exact(label) }).first().click({ timeout: this.timeout });
    await dialog.waitFor({ state: 'hidden', timeout: this.timeout });
  }

  /** A status bar entry by the id passed to createStatusBarItem, e.g. 'enclave.status'. */
  statusBarItem(id: string): Locator {
    return this.page.locator(`.part.statusbar .statusbar-item[id$=".${id.replace(/["\\]/g, '\\$&')}"]`).first();
  }

  /** Waits until that entry is shown (and, if given, its text matches); returns its text. */
  async waitForStatusBarItem(id: string, text?: Label, timeout = this.timeout): Promise<string> {
    const item = this.statusBarItem(id);
    const target = text === undefined ? item : item.filter({ hasText: text });
    await target.waitFor({ state: 'visible', timeout });
    return (await item.innerText()).trim();
  }

  /** Drags the primary sidebar's sash until the sidebar is `width` pixels wide. */
  async resizeSidebar(width: number): Promise<void> {
    const sash = this.page.locator('.monaco-sash.vertical.primary-sidebar-sash');
    const [from, side] = [await sash.boundingBox({ timeout: this.timeout }), await this.sidebar.boundingBox({ timeout: this.timeout })];
    if (!from || !side) throw new Error('the sidebar or its sash is not shown');
    const y = from.y + from.height / 2;
    await this.page.mouse.move(from.x + from.width / 2, y);
    await this.page.mouse.down();
    await this.page.mouse.move(side.x + width, y, { steps: 8 });
    await this.page.mouse.up();
    // A string, evaluated in the page: this project compiles without the DOM library.
    await this.page.waitForFunction(
      `Math.abs((document.querySelector('.part.sidebar')?.getBoundingClientRect().width ?? 0) - ${Number(width)}) <= 4`,
      undefined, { timeout: this.timeout });
  }

  treeItem(label: Label): Locator {
    return this.sidebar.locator('[role="treeitem"]')
      .filter({ has: this.page.locator('.label-name', { hasText: exact(label) }) }).first();
  }

  async waitForTreeItem(label: Label, timeout = this.timeout): Promise<Locator> {
    const item = this.treeItem(label);
    await item.waitFor({ state: 'visible', timeout });
    return item;
  }

  async expandTreeItem(label: Label): Promise<Locator> {
    const item = await this.waitForTreeItem(label);
    if ((await item.getAttribute('aria-expanded')) === 'false') await item.locator('.monaco-tl-twistie').click();
    await item.and(this.page.locator('[aria-expanded="true"]')).waitFor({ timeout: this.timeout });
    return item;
  }

  /** A view's pane in the sidebar by its name ("Activity"); its header shows once the container has several views. */
  viewPane(name: string): Locator {
    const header = this.page.locator(`.pane-header[aria-label^="${name.replace(/["\\]/g, '\\$&')}"]`);
    return this.sidebar.locator('.pane').filter({ has: header }).first();
  }

  /** Opens a collapsed view pane by clicking its header; waits until its body shows. */
  async expandViewPane(name: string): Promise<Locator> {
    return this.setViewPaneExpanded(name, true);
  }

  /** Collapses a view pane to its header (the other views of the container get its room). */
  async collapseViewPane(name: string): Promise<Locator> {
    return this.setViewPaneExpanded(name, false);
  }

  private async setViewPaneExpanded(name: string, expanded: boolean): Promise<Locator> {
    const pane = this.viewPane(name);
    const header = pane.locator('.pane-header').first();
    await header.waitFor({ state: 'visible', timeout: this.timeout });
    if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
    await pane.locator(`.pane-header[aria-expanded="${expanded}"]`).waitFor({ timeout: this.timeout });
    if (expanded) await pane.locator('.pane-body').waitFor({ state: 'visible', timeout: this.timeout });
    return pane;
  }

  /** Waits for a visible text editor whose document URI starts with `uriPrefix` (e.g. 'enclave:/'). */
  async waitForEditor(uriPrefix: string, timeout = this.timeout): Promise<Locator> {
    // Monaco puts the model's URI on the editor's own element.
    const editor = this.page.locator(`.part.editor .monaco-editor[data-uri^="${uriPrefix.replace(/["\\]/g, '\\$&')}"]`).first();
    await editor.waitFor({ state: 'visible', timeout });
    return editor;
  }

  /** The URI of the document an editor (from waitForEditor) shows. */
  async editorUri(editor: Locator): Promise<string> {
    return (await editor.getAttribute('data-uri', { timeout: this.timeout })) ?? '';
  }

  /** The text of an editor's rendered lines, top to bottom (Monaco renders only what is in view). */
  async editorText(editor: Locator): Promise<string> {
    const lines = await editor.locator('.view-lines .view-line').evaluateAll(
      // Lines are absolutely positioned and not kept in order: sort by their top offset.
      (nodes) => (nodes as unknown as { style: { top: string }; textContent: string | null }[])
        .map((n) => ({ top: parseFloat(n.style.top) || 0, text: n.textContent ?? '' }))
        .sort((a, b) => a.top - b.top).map((l) => l.text));
    return lines.join('\n').replace(/\u00a0/g, ' ');
  }

  /** Labels of the rendered rows, in order; `level` 1 = the roots only. */
  async treeItemLabels(level?: number): Promise<string[]> {
    const rows = level === undefined ? '[role="treeitem"]' : `[role="treeitem"][aria-level="${level}"]`;
    return (await this.sidebar.locator(`${rows} .label-name`).allInnerTexts()).map((l) => l.trim());
  }

  /** Waits until a row's description matches (string = exact, as labels); returns it. */
  async waitForTreeItemDescription(label: Label, description: Label, timeout = this.timeout): Promise<string> {
    const text = (await this.waitForTreeItem(label, timeout)).locator('.label-description', { hasText: exact(description) }).first();
    await text.waitFor({ state: 'visible', timeout });
    return (await text.innerText()).trim();
  }

  /** The description beside a row's label now ('' when it has none). */
  async treeItemDescription(label: Label): Promise<string> {
    const description = (await this.waitForTreeItem(label)).locator('.label-description');
    return (await description.count()) > 0 ? (await description.first().innerText()).trim() : '';
  }

  /**
   * Every notification message now. Read from the notifications center, opened for
   * the moment (and closed again) unless it is open already: the workbench shows no toasts at all
   * while code-server runs with the smoke-test driver, which this host needs (VS Code's
   * NotificationsToasts.addToast returns early when `enableSmokeTestDriver` is set).
   */
  async notifications(): Promise<string[]> {
    return this.inNotificationCenter(async (center) =>
      (await center.locator('.notification-list-item-message').allInnerTexts()).map((m) => m.trim()));
  }

  /** Waits for a notification whose message matches (string = substring), in the center as above. */
  async waitForNotification(text: Label, timeout = this.timeout): Promise<string> {
    const toast = this.page.locator('.notifications-toasts .notification-list-item-message', { hasText: text }).first();
    if (await toast.isVisible()) return (await toast.innerText()).trim();
    return this.inNotificationCenter(async (center) => {
      const item = center.locator('.notification-list-item-message', { hasText: text }).first();
      await item.waitFor({ state: 'visible', timeout });
      return (await item.innerText()).trim();
    });
  }

  /** Opening the center (the status bar bell) moves focus: a quick input that is open closes. */
  private async inNotificationCenter<T>(read: (center: Locator) => Promise<T>): Promise<T> {
    const center = this.page.locator('.notifications-center');
    const bell = this.page.locator('.part.statusbar .statusbar-item[id="status.notifications"] a').first();
    const wasOpen = await center.isVisible();
    if (!wasOpen) {
      await bell.click({ timeout: this.timeout });
      await center.waitFor({ state: 'visible', timeout: this.timeout });
    }
    try {
      return await read(center);
    } finally {
      if (!wasOpen) {
        await bell.click({ timeout: this.timeout });
        await center.waitFor({ state: 'hidden', timeout: this.timeout });
      }
    }
  }

  /** The whole workbench window as `<dir>/<name>.png` (default dir test-results/; relative = to the repo). */
  async screenshot(name: string, options: { dir?: string } = {}): Promise<string> {
    const dir = options.dir === undefined ? resultsDir : path.resolve(repoRoot, options.dir);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  logs(): string[] {
    return [...this.lines];
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.stop();
  }
}
