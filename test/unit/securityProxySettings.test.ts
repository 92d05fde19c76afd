// VS Code's http.* settings and the proxy environment variables → the client's proxy options,
// with the precedence VS Code uses for extensions, and the values the log must never show.
import * as assert from 'node:assert/strict';
import { networkOptions, proxySecrets } from '../../src/model/proxySettings';

describe('security: proxy settings', () => {
  it('uses no proxy when neither http.proxy nor the environment names one', () => {
    assert.deepEqual(networkOptions({}, {}), { systemCertificates: true });
    assert.deepEqual(networkOptions({ proxy: '  ' }, { NO_PROXY: 'x' }), { systemCertificates: true });
  });

  it('takes http.proxy with its noProxy list, strict SSL and authorization', () => {
    const options = networkOptions(
      { proxy: ' http://proxy.corp:3128 ', noProxy: ['internal.corp', ' '], proxyStrictSSL: false, proxyAuthorization: 'Basic abc=' },
      { HTTPS_PROXY: 'http://other:1', NO_PROXY: 'ignored.example' },
    );
    assert.deepEqual(options, {
      proxy: { url: 'http://proxy.corp:3128', noProxy: ['internal.corp'], strictSSL: false, authorization: 'Basic abc=' },
      proxySource: 'http.proxy',
      systemCertificates: true,
    });
  });

  it('falls back to HTTPS_PROXY, then HTTP_PROXY (lower case first), with NO_PROXY when http.noProxy is empty', () => {
    assert.deepEqual(networkOptions({ noProxy: [] }, { HTTP_PROXY: 'http://h:1', https_proxy: 'http://s:2', NO_PROXY: 'a.example, .b.example  c' }), {
      proxy: { url: 'http://s:2', noProxy: ['a.example', '.b.example', 'c'], strictSSL: true, authorization: undefined },
      proxySource: 'environment',
      systemCertificates: true,
    });
    assert.equal(networkOptions({}, { HTTP_PROXY: 'http://h:1' }).proxy?.url, 'http://h:1');
  });

  it('honours http.proxySupport "off" and http.systemCertificates false', () => {
    assert.deepEqual(networkOptions({ proxy: 'http://p:1', proxySupport: 'off', systemCertificates: false }, { HTTPS_PROXY: 'http://e:2' }), { systemCertificates: false });
    assert.equal(networkOptions({ proxy: 'http://p:1', proxySupport: 'override' }, {}).proxy?.url, 'http://p:1');
  });

  it('treats an empty http.proxyAuthorization (null in settings) as none', () => {
    assert.equal(networkOptions({ proxy: 'http://p:1', proxyAuthorization: null }, {}).proxy?.authorization, undefined);
    assert.equal(networkOptions({ proxy: 'http://p:1', proxyAuthorization: '  ' }, {}).proxy?.authorization, undefined);
  });

  it('lists the proxy credentials for redaction: the authorization value and the URL password, raw and decoded', () => {
    assert.deepEqual(proxySecrets({ url: 'http://alice:p%40ss%3Aword@proxy:3128', authorization: 'Negotiate YIIkerberos' }), [
      'Negotiate YIIkerberos', 'YIIkerberos', 'p%40ss%3Aword', 'p@ss:word',
    ]);
    assert.deepEqual(proxySecrets({ url: 'http://proxy:3128' }), []);
    assert.deepEqual(proxySecrets(undefined), []);
  });
});
