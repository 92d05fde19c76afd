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
 *   await wb.expandTreeItem('Acme');                  // click its twistie, wait for aria-expanded="true"
 *   await wb.waitForTreeItem(/^laptop-/);             // a sidebar tree row by label (string = exact)
 *   await wb.treeItemLabels();                        // labels of the rendered sidebar rows
 *   await wb.waitForNotification(/Signed in/);        // a toast's message (string = substring)
 *   await wb.notifications();                         // all toast messages now
 *   await wb.screenshot('signed-in');                 // → test-results/signed-in.png (path returned)
 *   wb.logs();                                        // workbench + extension host console lines
 *   await wb.close();                                 // browser and code-server, always (in after())
 *
 * Labels: a string matches the whole label (trimmed), a RegExp is used as given. `wb.treeItem(label)`
 * and `wb.sidebar` are Playwright Locators, `wb.page` the raw Page, for anything not covered here.
 * Commands open their quick input asynchronously: after runCommand, wait with waitForQuickInput
 * (or pickQuickItem/typeInQuickInput, which wait for their element) before reading it. Tree rows
 * are found by their `.label-name` text; VS Code renders only visible rows, so scroll or collapse.
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
    const view = this.page.locator('#workbench\\.view\\.extension\\.enclave');
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

  async treeItemLabels(): Promise<string[]> {
    return this.sidebar.locator('[role="treeitem"] .label-name').allInnerTexts();
  }

  async notifications(): Promise<string[]> {
    return this.page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
  }

  async waitForNotification(text: Label, timeout = this.timeout): Promise<string> {
    const toast = this.page.locator('.notifications-toasts .notification-list-item-message', { hasText: text }).first();
    await toast.waitFor({ state: 'visible', timeout });
    return toast.innerText();
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `${name}.png`);
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
