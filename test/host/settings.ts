// User settings for a fresh VS Code profile. Every test host seeds one, so runs are independent
// and the workbench is quiet and deterministic.
import * as fs from 'fs';
import * as path from 'path';

/** No welcome page, tips, telemetry, trust prompt, chat panel or update/extension checks. */
export const BASE_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  // The built-in chat panel would take a third of every screenshot and log sign-in noise.
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** Writes `<userDataDir>/User/settings.json`: BASE_SETTINGS with the caller's settings on top. */
export function seedUserSettings(userDataDir: string, settings: Record<string, unknown> = {}): void {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
}
