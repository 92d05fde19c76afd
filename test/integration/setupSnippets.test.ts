// Setup snippets, in the real extension host against the local server: Copy Setup Command puts a
// ready command holding the key on the clipboard (read back through vscode.env.clipboard) while no
// message, prompt or log line holds it; Insert Enrolment Key Reference edits a compose file and a
// devcontainer.json opened from disk so they reference the key through ENCLAVE_ENROLMENT_KEY,
// parse as YAML / JSONC afterwards, and never contain the key.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { parse as parseJsonc } from 'jsonc-parser';
import type { EnrolmentKey } from '../../src/api/types';
import type { EnclaveNode } from '../../src/tree/nodes';
import { Harness, orgSuite } from './support/harness';

// js-yaml is in node_modules (through the packaging tools) without type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require('js-yaml') as { load(text: string): unknown };

type KeyNode = Extract<EnclaveNode, { type: 'key' }>;

describe('setup snippets: copy setup command, insert enrolment key reference', () => {
  let h: Harness, org: Extract<EnclaveNode, { type: 'org' }>, orgId: string;
  let dir: string;
  orgSuite((suite) => ({ h, org, orgId } = suite));
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-snippets-'));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function keyNodes(): Promise<KeyNode[]> {
    const lists = await h.children(org);
    const list = lists.find((n) => n.type === 'list' && n.kind === 'enrolmentKeys');
    assert.ok(list);
    return (await h.children(list)).filter((n): n is KeyNode => n.type === 'key');
  }
  /** A key node whose server copy is set up as `shape` says. */
  async function keyNode(shape: Partial<EnrolmentKey> = {}): Promise<{ node: KeyNode; secret: string }> {
    const node = (await keyNodes()).find((n) => n.key.isEnabled && n.key.usesRemaining !== 0)!;
    const stored = h.server.store.key(orgId, node.key.id)!;
    Object.assign(stored, { type: 'GeneralPurpose', approvalMode: 'Automatic', isEnabled: true, status: 'Enabled', usesRemaining: -1, ...shape });
    return { node, secret: stored.key };
  }
  function assertSecretNowhere(secret: string): void {
    for (const text of h.prompter.shownTexts()) assert.ok(!text.includes(secret), `a message shows the key: ${text}`);
    for (const line of h.api.logLines()) assert.ok(!line.includes(secret), `a log line holds the key: ${line}`);
  }

  const platforms: { label: string; has: RegExp[] }[] = [
    { label: 'Linux: Debian, Ubuntu, Raspbian', has: [/packages\.enclave\.io\/apt\/enclave\.stable\.list/, /sudo apt-get install -y enclave/, /sudo -E enclave enrol/, /unset ENCLAVE_ENROLMENT_KEY/] },
    { label: 'Linux: CentOS, RHEL, Fedora, Amazon Linux, Arch', has: [/bash <\(curl -Ss https:\/\/install\.enclave\.io\/setup\.sh\)/, /sudo -E enclave enrol/] },
    { label: 'macOS', has: [/^brew install enclave/, /sudo -E enclave enrol/] },
    { label: 'Windows', has: [/install\.enclave\.io\/manifest\/windows\/setup\.json/, /Get-FileHash/, /-ArgumentList '\/enrol', '/, /-Verb RunAs/] },
    { label: 'Docker', has: [/^docker run /, /--cap-add NET_ADMIN --device \/dev\/net\/tun/, /enclave-config:\/etc\/enclave\/profiles/, /enclavenetworks\/enclave:latest$/] },
    { label: 'Kubernetes', has: [/^kubectl create secret generic enclave-enrolment-key --from-literal=ENCLAVE_ENROLMENT_KEY=/] },
  ];
  for (const platform of platforms) {
    it(`copies a ready ${platform.label} command with the key, read fresh, and shows the key nowhere`, async () => {
      const { node, secret } = await keyNode();
      await vscode.env.clipboard.writeText('before');
      h.prompter.answerPick(platform.label);
      await vscode.commands.executeCommand('enclave.copySetupCommand', node, [node]);

      const copied = await vscode.env.clipboard.readText();
      assert.ok(copied.includes(secret), `the ${platform.label} command does not hold the key: ${copied}`);
      for (const pattern of platform.has) assert.match(copied, pattern);
      assert.deepStrictEqual(h.requests('GET', /enrolment-keys\/\d+$/).map((r) => r.path), [`/org/${orgId}/enrolment-keys/${node.key.id}`]);
      const [info] = h.prompter.messagesOf('info');
      assert.match(info.message, new RegExp(`^Setup command for .+ with enrolment key '.+' copied`));
      assert.deepStrictEqual(h.prompter.messagesOf('warn'), []);
      assert.deepStrictEqual(h.prompter.unanswered, []);
      assertSecretNowhere(secret);
    });
  }

  it('Kubernetes: offers the sidecar YAML, which reads the key from the Secret and holds no key', async () => {
    const { node, secret } = await keyNode();
    h.prompter.answerPick('Kubernetes').answerInfo('Copy Sidecar YAML');
    await vscode.commands.executeCommand('enclave.copySetupCommand', node, [node]);
    const sidecar = await vscode.env.clipboard.readText();
    assert.ok(!sidecar.includes(secret));
    const parsed = yaml.load(sidecar) as { name: string; env: { name: string; valueFrom: { secretKeyRef: { name: string; key: string } } }[]; securityContext: unknown }[];
    assert.strictEqual(parsed[0].name, 'enclave-sidecar');
    assert.deepStrictEqual(parsed[0].env[0], { name: 'ENCLAVE_ENROLMENT_KEY', valueFrom: { secretKeyRef: { name: 'enclave-enrolment-key', key: 'ENCLAVE_ENROLMENT_KEY' } } });
    assert.deepStrictEqual(parsed[0].securityContext, { capabilities: { add: ['NET_ADMIN'] } });
    assertSecretNowhere(secret);
  });

  it('warns about a disabled key and copies nothing unless told to', async () => {
    const { node, secret } = await keyNode({ isEnabled: false, status: 'Disabled' });
    await vscode.env.clipboard.writeText('before');
    h.prompter.answerPick('Docker').answerWarn(undefined);
    await vscode.commands.executeCommand('enclave.copySetupCommand', node, [node]);
    const [warning] = h.prompter.messagesOf('warn');
    assert.match(warning.message, /is disabled: nothing can enrol with it/);
    assert.deepStrictEqual(warning.actions, ['Copy Anyway']);
    assert.strictEqual(await vscode.env.clipboard.readText(), 'before');
    assert.deepStrictEqual(h.prompter.messagesOf('info'), []);

    h.prompter.reset();
    h.prompter.answerPick('Docker').answerWarn('Copy Anyway');
    await vscode.commands.executeCommand('enclave.copySetupCommand', node, [node]);
    assert.ok((await vscode.env.clipboard.readText()).includes(secret));
    assertSecretNowhere(secret);
  });

  it('warns about a key with no uses left', async () => {
    const { node } = await keyNode({ usesRemaining: 0, status: 'NoUsesRemaining' });
    h.prompter.answerPick('macOS').answerWarn(undefined);
    await vscode.commands.executeCommand('enclave.copySetupCommand', node, [node]);
    assert.match(h.prompter.messagesOf('warn')[0].message, /has no uses left/);
  });

  it('warns that an Ephemeral key suits containers when it is for a machine, not for Docker; notes manual approval', async () => {
    const { node } = await keyNode({ type: 'Ephemeral', disconnectedRetentionMinutes: 15, approvalMode: 'Manual' });
    h.prompter.answerPick('Windows').answerWarn(undefined);
    await vscode.commands.executeCommand('enclave.copySetupCommand', node, [node]);
    assert.match(h.prompter.messagesOf('warn')[0].message, /is Ephemeral: a system enrolled with it is removed 15 minutes after it disconnects, which suits containers rather than Windows\./);

    h.prompter.reset();
    h.prompter.answerPick('Docker');
    await vscode.commands.executeCommand('enclave.copySetupCommand', node, [node]);
    assert.deepStrictEqual(h.prompter.messagesOf('warn'), []);
    assert.match(h.prompter.messagesOf('info')[0].message, /wait for your approval/);
  });

  it('from the palette: picks the key, then the platform', async () => {
    const { node, secret } = await keyNode();
    h.prompter.answerPick((item) => (item.value as EnrolmentKey).id === node.key.id).answerPick('Docker');
    await vscode.commands.executeCommand('enclave.copySetupCommand');
    assert.ok((await vscode.env.clipboard.readText()).includes(secret));
    assert.deepStrictEqual(h.prompter.unanswered, []);
  });

  async function openFile(name: string, text: string): Promise<vscode.TextEditor> {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    return vscode.window.showTextDocument(document);
  }

  it('adds the Enclave service under services: of an open compose file, referencing the variable, and copies the export line on request', async () => {
    const { node, secret } = await keyNode();
    const editor = await openFile('app/docker-compose.yml', [
      '# the app',
      'services:',
      '    web:',
      '        image: nginx',
      '',
      'volumes:',
      '    data:',
      '',
    ].join('\n'));
    h.prompter.answerInfo('Copy export Line (bash/zsh)');
    await vscode.commands.executeCommand('enclave.insertEnrolmentKeyReference', node, [node]);

    const text = editor.document.getText();
    assert.ok(!text.includes(secret), 'the compose file holds the key');
    assert.ok(text.startsWith('# the app\nservices:\n    web:\n        image: nginx\n    enclave:\n'), text);
    const compose = yaml.load(text) as { services: Record<string, { image: string; environment: Record<string, string>; cap_add: string[]; devices: string[]; volumes: string[] }>; volumes: Record<string, unknown> };
    assert.deepStrictEqual(Object.keys(compose.services), ['web', 'enclave']);
    const enclave = compose.services.enclave;
    assert.strictEqual(enclave.image, 'enclavenetworks/enclave:latest');
    assert.deepStrictEqual(enclave.environment, { ENCLAVE_ENROLMENT_KEY: '${ENCLAVE_ENROLMENT_KEY}' });
    assert.deepStrictEqual(enclave.cap_add, ['NET_ADMIN']);
    assert.deepStrictEqual(enclave.devices, ['/dev/net/tun']);
    assert.deepStrictEqual(enclave.volumes, ['enclave-config:/etc/enclave/profiles', 'enclave-logs:/var/log/enclave']);
    assert.deepStrictEqual(Object.keys(compose.volumes), ['data', 'enclave-config', 'enclave-logs']);

    const [offer] = h.prompter.messagesOf('info');
    assert.match(offer.message, /^Added service 'enclave'\. It reads enrolment key '.+' from the ENCLAVE_ENROLMENT_KEY environment variable/);
    assert.deepStrictEqual(offer.actions, ['Copy export Line (bash/zsh)', 'Copy $env: Line (PowerShell)']);
    assert.strictEqual(await vscode.env.clipboard.readText(), `export ENCLAVE_ENROLMENT_KEY='${secret}'`);
    assertSecretNowhere(secret);
    await editor.document.save();
  });

  it('a second insertion adds enclave-2 with its own volumes; PowerShell line on request', async () => {
    const { node, secret } = await keyNode();
    const editor = await openFile('two/compose.yaml', 'services:\n  enclave:\n    image: enclavenetworks/enclave:latest\n');
    h.prompter.answerInfo('Copy $env: Line (PowerShell)');
    await vscode.commands.executeCommand('enclave.insertEnrolmentKeyReference', node, [node]);
    const compose = yaml.load(editor.document.getText()) as { services: Record<string, { volumes?: string[] }>; volumes: Record<string, unknown> };
    assert.deepStrictEqual(Object.keys(compose.services), ['enclave', 'enclave-2']);
    assert.deepStrictEqual(compose.services['enclave-2'].volumes, ['enclave-2-config:/etc/enclave/profiles', 'enclave-2-logs:/var/log/enclave']);
    assert.deepStrictEqual(Object.keys(compose.volumes), ['enclave-2-config', 'enclave-2-logs']);
    assert.strictEqual(await vscode.env.clipboard.readText(), `$env:ENCLAVE_ENROLMENT_KEY = '${secret}'`);
    await editor.document.save();
  });

  it('adds containerEnv and runArgs to a devcontainer.json, keeping its comments, without the key', async () => {
    const { node, secret } = await keyNode();
    const editor = await openFile('proj/.devcontainer/devcontainer.json', [
      '{',
      '  // The dev image',
      '  "image": "mcr.microsoft.com/devcontainers/base:ubuntu",',
      '  "runArgs": ["--init"],',
      '}',
      '',
    ].join('\n'));
    h.prompter.answerInfo(undefined);
    await vscode.commands.executeCommand('enclave.insertEnrolmentKeyReference', node, [node]);

    const text = editor.document.getText();
    assert.ok(!text.includes(secret));
    assert.ok(text.includes('// The dev image'), 'the comment was lost');
    const config = parseJsonc(text, [], { allowTrailingComma: true }) as { containerEnv: Record<string, string>; runArgs: string[]; image: string };
    assert.deepStrictEqual(config.containerEnv, { ENCLAVE_ENROLMENT_KEY: '${localEnv:ENCLAVE_ENROLMENT_KEY}' });
    assert.deepStrictEqual(config.runArgs, ['--init', '--cap-add=NET_ADMIN', '--device=/dev/net/tun']);
    assert.strictEqual(config.image, 'mcr.microsoft.com/devcontainers/base:ubuntu');
    assert.match(h.prompter.messagesOf('info')[0].message, /^Added containerEnv and runArgs/);
    // Nothing was asked for: the key was never read.
    assert.deepStrictEqual(h.requests('GET', /enrolment-keys\/\d+$/), []);

    // Running it again changes nothing.
    h.prompter.reset();
    h.prompter.answerInfo(undefined);
    await vscode.commands.executeCommand('enclave.insertEnrolmentKeyReference', node, [node]);
    assert.strictEqual(editor.document.getText(), text);
    assert.match(h.prompter.messagesOf('info')[0].message, /nothing was changed/);
    await editor.document.save();
  });

  it('a compose-based dev container gets containerEnv only, and is told runArgs do not apply', async () => {
    const { node } = await keyNode();
    const editor = await openFile('cmp/.devcontainer.json', '{\n\t"dockerComposeFile": "compose.yaml",\n\t"service": "app"\n}\n');
    h.prompter.answerInfo(undefined);
    await vscode.commands.executeCommand('enclave.insertEnrolmentKeyReference', node, [node]);
    const config = parseJsonc(editor.document.getText()) as Record<string, unknown>;
    assert.deepStrictEqual(config.containerEnv, { ENCLAVE_ENROLMENT_KEY: '${localEnv:ENCLAVE_ENROLMENT_KEY}' });
    assert.strictEqual(config.runArgs, undefined);
    assert.match(editor.document.getText(), /\n\t"containerEnv"/, 'the file\'s tab indentation was not kept');
    assert.match(h.prompter.messagesOf('info')[0].message, /runArgs do not apply/);
    await editor.document.save();
  });

  it('with no compose file or devcontainer.json open, offers a new compose file and fills it', async () => {
    const { node, secret } = await keyNode();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    h.prompter.answerInfo('New Compose File', undefined);
    await vscode.commands.executeCommand('enclave.insertEnrolmentKeyReference', node, [node]);
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document?.isUntitled, 'no untitled document was opened');
    const compose = yaml.load(document.getText()) as { services: { enclave: { environment: Record<string, string> } }; volumes: Record<string, unknown> };
    assert.deepStrictEqual(compose.services.enclave.environment, { ENCLAVE_ENROLMENT_KEY: '${ENCLAVE_ENROLMENT_KEY}' });
    assert.deepStrictEqual(Object.keys(compose.volumes), ['enclave-config', 'enclave-logs']);
    assert.ok(!document.getText().includes(secret));
    assert.match(h.prompter.messagesOf('info')[0].message, /Open a compose file/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('with another kind of file open and the offer dismissed, changes nothing and asks nothing more', async () => {
    const { node } = await keyNode();
    const editor = await openFile('notes.txt', 'hello\n');
    h.prompter.answerInfo(undefined);
    await vscode.commands.executeCommand('enclave.insertEnrolmentKeyReference', node, [node]);
    assert.strictEqual(editor.document.getText(), 'hello\n');
    assert.strictEqual(h.prompter.messages.length, 1);
    assert.deepStrictEqual(h.prompter.picks, []);
  });
});
