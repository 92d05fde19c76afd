// The pure parts of the setup snippets: quoting, the compose insertion on the layouts compose files
// come in (checked by parsing the result), the devcontainer.json edit, the file kinds, the single
// replacement, and the key warnings.
import * as assert from 'node:assert/strict';
import { parse as parseJsonc } from 'jsonc-parser';
import type { EnrolmentKey } from '../../../src/api/types';
import { addEnclaveService, ComposeLayoutError } from '../../../src/features/composeSnippet';
import { addEnclaveToDevcontainer, DevcontainerLayoutError } from '../../../src/features/devcontainerSnippet';
import { keyWarnings } from '../../../src/features/keyFitness';
import { singleChange, targetKind } from '../../../src/features/referenceTarget';
import { envLine, PLATFORMS, psQuote, setupCommand, shQuote } from '../../../src/features/setupCommands';

// js-yaml is in node_modules (through the packaging tools) without type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require('js-yaml') as { load(text: string): unknown };

type Compose = { services: Record<string, { environment?: Record<string, string> }>; volumes?: Record<string, unknown> };

describe('setup commands', () => {
  it('quotes for POSIX shells and PowerShell so no key text can break out', () => {
    assert.equal(shQuote("a'b"), `'a'\\''b'`);
    assert.equal(psQuote("a'b"), `'a''b'`);
    assert.equal(envLine('posix', 'K'), `export ENCLAVE_ENROLMENT_KEY='K'`);
    assert.equal(envLine('powershell', 'K'), `$env:ENCLAVE_ENROLMENT_KEY = 'K'`);
  });

  it('puts the key in every platform\'s command exactly once, quoted', () => {
    const key = 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF';
    for (const p of PLATFORMS) {
      const command = setupCommand(p.id, key);
      assert.equal(command.split(key).length - 1, 1, p.id);
      assert.ok(command.includes(`'${key}'`), p.id);
    }
  });

  it('Linux and macOS: the key goes through the environment to sudo -E, then is unset even if enrolling failed', () => {
    const command = setupCommand('macos', 'K');
    assert.equal(command, "brew install enclave && \\\n  export ENCLAVE_ENROLMENT_KEY='K' && \\\n  sudo -E enclave enrol; \\\n  unset ENCLAVE_ENROLMENT_KEY");
  });
});

describe('key warnings', () => {
  const key = (over: Partial<EnrolmentKey>) => ({ id: 3, description: 'Build', isEnabled: true, status: 'Enabled', usesRemaining: -1, type: 'GeneralPurpose', approvalMode: 'Automatic', ...over }) as EnrolmentKey;
  const docker = PLATFORMS.find((p) => p.id === 'docker')!;
  const linux = PLATFORMS.find((p) => p.id === 'debian')!;

  it('says nothing for an enabled general-purpose key', () => assert.deepEqual(keyWarnings(key({}), linux), []));
  it('disabled wins over no uses', () => assert.deepEqual(keyWarnings(key({ isEnabled: false, usesRemaining: 0 }), docker), ["Enrolment key 'Build' is disabled: nothing can enrol with it until it is enabled again."]));
  it('no uses left', () => assert.match(keyWarnings(key({ status: 'NoUsesRemaining', usesRemaining: 0 }), docker)[0], /has no uses left/));
  it('Ephemeral: only off containers, with the retention when known', () => {
    assert.deepEqual(keyWarnings(key({ type: 'Ephemeral' }), docker), []);
    assert.match(keyWarnings(key({ type: 'Ephemeral', disconnectedRetentionMinutes: 1 }), linux)[0], /removed 1 minute after/);
    assert.match(keyWarnings(key({ type: 'Ephemeral', disconnectedRetentionMinutes: null }), linux)[0], /removed a short while after/);
  });
});

describe('compose insertion', () => {
  const parse = (text: string) => yaml.load(text) as Compose;

  it('makes a whole compose file from nothing', () => {
    const { text, service } = addEnclaveService('');
    assert.equal(service, 'enclave');
    const compose = parse(text);
    assert.deepEqual(compose.services.enclave.environment, { ENCLAVE_ENROLMENT_KEY: '${ENCLAVE_ENROLMENT_KEY}' });
    assert.deepEqual(Object.keys(compose.volumes!), ['enclave-config', 'enclave-logs']);
  });

  it('appends services: and volumes: to a file that has neither, keeping what is there', () => {
    const compose = parse(addEnclaveService('version: "3.8"\nx-common: &common\n  restart: always\n').text) as Compose & { version: string };
    assert.equal(compose.version, '3.8');
    assert.deepEqual(Object.keys(compose.services), ['enclave']);
  });

  it('follows the file\'s indentation, keeps comments and CRLF, and adds to the end of services: before the next key', () => {
    const before = 'services:\r\n   app:\r\n      image: a\r\n   # a comment\r\n\r\nnetworks:\r\n   default: {}\r\n';
    const { text } = addEnclaveService(before);
    assert.ok(!/[^\r]\n/.test(text), 'a bare LF crept in');
    assert.ok(text.includes('   # a comment\r\n   enclave:\r\n      image: enclavenetworks/enclave:latest'), text);
    const compose = parse(text) as Compose & { networks: unknown };
    assert.deepEqual(Object.keys(compose.services), ['app', 'enclave']);
    assert.deepEqual(compose.networks, { default: {} });
  });

  it('picks a free service name and volume names of its own', () => {
    const first = addEnclaveService('').text;
    const second = addEnclaveService(first);
    assert.equal(second.service, 'enclave-2');
    assert.deepEqual(Object.keys(parse(second.text).volumes!), ['enclave-config', 'enclave-logs', 'enclave-2-config', 'enclave-2-logs']);
  });

  it('refuses a one-line services: or several documents instead of writing broken YAML', () => {
    assert.throws(() => addEnclaveService('services: {}\n'), ComposeLayoutError);
    assert.throws(() => addEnclaveService('services:\n  a:\n    image: x\n---\nservices: {}\n'), ComposeLayoutError);
  });
});

describe('devcontainer.json insertion', () => {
  it('creates containerEnv and runArgs in an empty object, and in an empty file', () => {
    for (const source of ['{}', '']) {
      const config = parseJsonc(addEnclaveToDevcontainer(source).text) as Record<string, unknown>;
      assert.deepEqual(config.containerEnv, { ENCLAVE_ENROLMENT_KEY: '${localEnv:ENCLAVE_ENROLMENT_KEY}' });
      assert.deepEqual(config.runArgs, ['--cap-add=NET_ADMIN', '--device=/dev/net/tun']);
    }
  });

  it('adds to an existing containerEnv, and leaves runArgs that already grant it (two-word forms, --privileged)', () => {
    const two = addEnclaveToDevcontainer('{ "containerEnv": { "A": "1" }, "runArgs": ["--cap-add", "NET_ADMIN", "--device=/dev/net/tun"] }');
    const config = parseJsonc(two.text) as { containerEnv: Record<string, string>; runArgs: string[] };
    assert.deepEqual(config.containerEnv, { A: '1', ENCLAVE_ENROLMENT_KEY: '${localEnv:ENCLAVE_ENROLMENT_KEY}' });
    assert.deepEqual(config.runArgs, ['--cap-add', 'NET_ADMIN', '--device=/dev/net/tun']);
    const privileged = parseJsonc(addEnclaveToDevcontainer('{ "runArgs": ["--privileged"] }').text) as { runArgs: string[] };
    assert.deepEqual(privileged.runArgs, ['--privileged']);
  });

  it('refuses what it cannot extend', () => {
    assert.throws(() => addEnclaveToDevcontainer('[]'), DevcontainerLayoutError);
    assert.throws(() => addEnclaveToDevcontainer('{ "runArgs": "--init" }'), DevcontainerLayoutError);
    assert.throws(() => addEnclaveToDevcontainer('{ "containerEnv": [] }'), DevcontainerLayoutError);
    assert.throws(() => addEnclaveToDevcontainer('{ "image": '), DevcontainerLayoutError);
  });
});

describe('reference targets', () => {
  it('tells compose files and dev container definitions from other files', () => {
    for (const p of ['/a/docker-compose.yml', '/a/compose.yaml', '/a/docker-compose.override.yml', '/a/compose.dev.yaml', 'C:\\x\\my-compose.yml']) assert.equal(targetKind(p, 'yaml'), 'compose', p);
    assert.equal(targetKind('Untitled-1', 'dockercompose'), 'compose');
    for (const p of ['/a/.devcontainer/devcontainer.json', '/a/.devcontainer.json', '/a/.devcontainer/python/devcontainer.json', '/a/.devcontainer/other.json']) assert.equal(targetKind(p, 'jsonc'), 'devcontainer', p);
    for (const p of ['/a/values.yaml', '/a/package.json', '/a/composer.json', '/a/decompose.yml.bak']) assert.equal(targetKind(p, 'plaintext'), undefined, p);
  });

  it('turns one text into another with a single replacement', () => {
    const cases: [string, string][] = [['abc', 'abXc'], ['abc', 'ac'], ['', 'x'], ['same', 'same'], ['aaaa', 'aaaaa']];
    for (const [before, after] of cases) {
      const c = singleChange(before, after);
      assert.equal(before.slice(0, c.offset) + c.text + before.slice(c.offset + c.length), after);
    }
    assert.deepEqual(singleChange('abc', 'abXc'), { offset: 2, length: 0, text: 'X' });
  });
});
