import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_IDS, CORE_COMMAND_IDS, FEATURE_COMMAND_IDS, commandName } from '../../../src/commands/ids';

interface Manifest {
  contributes: {
    commands: { command: string }[];
    menus: Record<string, { command: string }[]>;
    viewsWelcome?: { contents: string }[];
  };
}

const root = path.resolve(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const contributed = manifest.contributes.commands.map((c) => c.command);

describe('command ids table ↔ package.json', () => {
  it('declares every id of the table in package.json', () => {
    const missing = COMMAND_IDS.filter((id) => !contributed.includes(id));
    assert.deepEqual(missing, []);
  });

  it('has an id in the table for every command package.json declares', () => {
    const missing = contributed.filter((id) => !(COMMAND_IDS as readonly string[]).includes(id));
    assert.deepEqual(missing, []);
  });

  it('has no duplicates on either side', () => {
    assert.equal(new Set(COMMAND_IDS).size, COMMAND_IDS.length);
    assert.equal(new Set(contributed).size, contributed.length);
  });

  it('names only known commands in menus and the welcome view', () => {
    const known = new Set<string>(COMMAND_IDS);
    const inMenus = Object.values(manifest.contributes.menus).flat().map((m) => m.command);
    const inWelcome = (manifest.contributes.viewsWelcome ?? []).flatMap((w) => [...w.contents.matchAll(/command:([\w.]+)/g)].map((m) => m[1]));
    assert.deepEqual([...inMenus, ...inWelcome].filter((id) => !known.has(id)), []);
  });

  it('has a module file under src/commands/ for every command (or a stand-in in placeholders.ts)', () => {
    const standIns = path.join(root, 'src', 'commands', 'placeholders.ts');
    const placeholders = fs.existsSync(standIns) ? fs.readFileSync(standIns, 'utf8') : '';
    const registry = fs.readFileSync(path.join(root, 'src', 'commands', 'handlers.ts'), 'utf8');
    for (const id of CORE_COMMAND_IDS) {
      const name = commandName(id);
      const hasModule = fs.existsSync(path.join(root, 'src', 'commands', `${name}.ts`));
      const hasStandIn = new RegExp(`export const ${name}\\b`).test(placeholders);
      assert.ok(hasModule || hasStandIn, `${id}: neither src/commands/${name}.ts nor a stand-in`);
      // Once the real module exists, the registry must use it, not the stand-in.
      if (hasModule) assert.match(registry, new RegExp(`from '\\./${name}'`), `${id}: handlers.ts still uses the stand-in`);
    }
  });

  it('has a module under src/features/ for every feature command, wired in src/features/index.ts', () => {
    const index = fs.readFileSync(path.join(root, 'src', 'features', 'index.ts'), 'utf8');
    for (const id of FEATURE_COMMAND_IDS) {
      const name = commandName(id);
      assert.ok(fs.existsSync(path.join(root, 'src', 'features', `${name}.ts`)), `${id}: no src/features/${name}.ts`);
      assert.match(index, new RegExp(`from '\\./${name}'`), `${id}: src/features/index.ts does not import it`);
    }
  });
});
