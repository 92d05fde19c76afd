// What the manifest and the source layout promise about trust: the extension runs in untrusted
// and remote workspaces because it reads nothing from the workspace, a workspace cannot move
// the API URL, and the extension side never loads the HTTP stack at activation.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  extensionKind?: string[];
  capabilities?: { untrustedWorkspaces?: { supported?: unknown; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, { scope?: string; type?: string }> } };
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('security: manifest and layout', () => {
  it('declares untrusted workspaces supported, and runs on the UI or the workspace side', () => {
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
    assert.deepEqual(manifest.extensionKind, ['ui', 'workspace']);
  });

  it('keeps enclave.apiUrl application-scoped, so no workspace can redirect the token', () => {
    assert.equal(manifest.contributes.configuration.properties['enclave.apiUrl']?.scope, 'application');
  });

  it('has no setting that could hold a token', () => {
    const names = Object.keys(manifest.contributes.configuration.properties);
    assert.deepEqual(names.filter((n) => /token|secret|password|key/i.test(n)), []);
  });

  it('imports only types from src/api outside it, and undici nowhere else (the HTTP stack loads lazily)', () => {
    const offenders: string[] = [];
    for (const file of sources(path.join(root, 'src'))) {
      if (file.startsWith(path.join(root, 'src', 'api') + path.sep)) continue;
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^\s*import\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)) {
        const target = m[2];
        const intoApi = target.startsWith('.') && path.resolve(path.dirname(file), target).startsWith(path.join(root, 'src', 'api'));
        if ((intoApi && !m[1]) || target === 'undici' || target.startsWith('undici/')) offenders.push(`${path.relative(root, file)}: ${m[0].trim()}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});
