// The extension loads in a real extension host and contributes what its manifest says. Compared
// against package.json at run time, so adding a command or view keeps this test honest for free.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

interface Manifest {
  name: string;
  publisher: string;
  activationEvents?: string[];
  contributes: {
    commands: { command: string }[];
    viewsContainers: { activitybar: { id: string }[] };
    views: Record<string, { id: string }[]>;
  };
}

const root = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const extensionId = `${manifest.publisher}.${manifest.name}`;

describe('activation', () => {
  it('loads this checkout in development mode and activates', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not loaded in the extension host`);
    assert.strictEqual(fs.realpathSync(extension.extensionPath), fs.realpathSync(root));
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  it('does not activate on "*"', () => {
    assert.ok(!(manifest.activationEvents ?? []).includes('*'), 'activationEvents contains "*"');
  });

  it('contributes the Enclave view container and the networks view', async () => {
    assert.ok(manifest.contributes.viewsContainers.activitybar.some((c) => c.id === 'enclave'));
    assert.ok(manifest.contributes.views.enclave?.some((v) => v.id === 'enclave.networks'));
    // The workbench registers these commands only for containers and views it actually loaded.
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('workbench.view.extension.enclave'), 'no view container "enclave" in the workbench');
    assert.ok(commands.includes('enclave.networks.focus'), 'no view "enclave.networks" in the workbench');
    await vscode.commands.executeCommand('enclave.networks.focus');
  });

  it('registers every command contributed in package.json', async () => {
    const contributed = manifest.contributes.commands.map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    await vscode.extensions.getExtension(extensionId)?.activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.ok(missing.length === 0, `contributed in package.json but not registered: ${missing.join(', ')}`);
  });
});
