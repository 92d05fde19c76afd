// Which CAs the client trusts on an older and a newer Node: the defaults are never lost when
// something is added, NODE_EXTRA_CA_CERTS stays in force, and the OS store joins where readable.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { extraCaFile, tlsTrustOptions, trustedCertificates, type TlsRuntime } from '../../../src/api/tls';
import { testPki } from '../../fixtures/pki';

const pem = (name: string): string => `-----BEGIN CERTIFICATE-----\n${Buffer.from(name).toString('base64')}\n-----END CERTIFICATE-----`;
const node20: TlsRuntime = { rootCertificates: [pem('mozilla-1'), pem('mozilla-2')] };
const newer = (system: string[], extra: string[] = []): TlsRuntime => ({
  rootCertificates: [pem('mozilla-1'), pem('mozilla-2')],
  getCACertificates: (type) => (type === 'system' ? system : type === 'default' ? [pem('mozilla-1'), pem('mozilla-2'), ...extra] : []),
});

describe('api TLS trust (CA list)', () => {
  let dir: string;
  let extraFile: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-ca-'));
    extraFile = path.join(dir, 'extra.pem');
    fs.writeFileSync(extraFile, `# company bundle\n${pem('company-root')}\n\n${pem('company-intermediate')}\n`);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps Node’s own store (undefined) when there is nothing to add', () => {
    assert.equal(trustedCertificates({}, node20, {}), undefined);
    assert.equal(trustedCertificates({}, newer([]), {}), undefined);
    assert.equal(trustedCertificates({ systemCertificates: false }, newer([pem('os-root')]), {}), undefined);
  });

  it('on Node 20, an added CA keeps the Mozilla roots and the NODE_EXTRA_CA_CERTS file', () => {
    const list = trustedCertificates({ ca: [pem('test-ca')] }, node20, { NODE_EXTRA_CA_CERTS: extraFile });
    assert.deepEqual(list, [pem('mozilla-1'), pem('mozilla-2'), pem('company-root'), pem('company-intermediate'), pem('test-ca')]);
  });

  it('on a newer Node, adds the OS store to the defaults, once each', () => {
    const list = trustedCertificates({}, newer([pem('os-root'), pem('mozilla-2')], [pem('company-root')]), { NODE_EXTRA_CA_CERTS: extraFile });
    assert.deepEqual(list, [pem('mozilla-1'), pem('mozilla-2'), pem('company-root'), pem('company-intermediate'), pem('os-root')]);
  });

  it('survives a runtime whose store cannot be read, and an unreadable extra file', () => {
    const broken: TlsRuntime = { rootCertificates: [pem('mozilla-1')], getCACertificates: () => { throw new Error('no store'); } };
    assert.deepEqual(trustedCertificates({ ca: [pem('test-ca')] }, broken, { NODE_EXTRA_CA_CERTS: path.join(dir, 'missing.pem') }), [pem('mozilla-1'), pem('test-ca')]);
    assert.deepEqual(extraCaFile(undefined), []);
    assert.deepEqual(extraCaFile(extraFile).length, 2);
  });

  it('on this Node, an added CA is trusted together with the public roots', () => {
    const { caCert } = testPki();
    const list = trustedCertificates({ ca: [caCert] }) ?? [];
    assert.ok(list.includes(caCert));
    assert.ok(tls.rootCertificates.every((root) => list.some((c) => c.replace(/\s+/g, '') === root.replace(/\s+/g, ''))), 'a public root went missing');
  });

  it('builds one SecureContext per distinct list', () => {
    const { caCert } = testPki();
    const a = tlsTrustOptions([caCert]);
    const b = tlsTrustOptions([caCert]);
    assert.ok(a.secureContext && a.secureContext === b.secureContext);
    assert.deepEqual(a.ca, [caCert]);
    assert.deepEqual(tlsTrustOptions(undefined), {});
  });
});
