// What the browser suites share: their steps build on each other (after one fails the rest are
// skipped, and the failure leaves a screenshot and the workbench's last lines), whole-window
// screenshots for the README, and the names the tree and the picks give systems.
import * as assert from 'assert';
import * as fs from 'fs';
import type { EnclaveSystem, UnapprovedSystem } from '../../src/api/types';
import type { Workbench } from './workbench';

/** README screenshots are rewritten only when asked; otherwise they go to test-results/. */
const SCREENSHOT_DIR = process.env.ENCLAVE_UPDATE_SCREENSHOTS === '1' ? 'media/screenshots' : undefined;

/** What the tree and the quick picks call a system (src/tree/presentSystem.ts). */
export const nameOf = (s: Pick<EnclaveSystem | UnapprovedSystem, 'systemId' | 'description' | 'hostname'>): string =>
  s.description?.trim() || s.hostname?.trim() || s.systemId;

export async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Registers the hooks of a suite whose steps build on each other: once one fails, the rest are
 * skipped (they would only report its fallout), and the failure is photographed as
 * `<name>-failure.png` with the workbench's last log lines printed.
 */
export function dependentSteps(name: string, workbench: () => Workbench | undefined): void {
  let failed = false;
  beforeEach(function () {
    if (failed) this.skip();
  });
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    failed = true;
    const wb = workbench();
    const file = await wb?.screenshot(`${name}-failure`).catch(() => undefined);
    if (file) console.log(`    screenshot at the failure: ${file}`);
    const logs = wb?.logs() ?? [];
    if (logs.length) console.log(`    last workbench lines:\n      ${logs.slice(-15).join('\n      ')}`);
  });
}

/**
 * The whole window for the README, with the pointer parked so no hover is in the picture: over
 * the empty editor area, or (`at`, fractions of the window) elsewhere when an editor is open there.
 */
export async function readmeScreenshot(wb: Workbench, name: string, at = { x: 0.75, y: 0.6 }): Promise<string> {
  const size = wb.page.viewportSize() ?? { width: 1400, height: 900 };
  await wb.page.mouse.move(size.width * at.x, size.height * at.y);
  const file = await wb.screenshot(name, { dir: SCREENSHOT_DIR });
  assert.ok(fs.statSync(file).size > 20_000, `screenshot ${file} is suspiciously small`);
  return file;
}
