import * as assert from 'node:assert/strict';
import * as tls from 'node:tls';

import { pemCertificates, trustedCas } from '../../../src/wechat/trustedCas';
import { EchoServer, selfSignedCert, startEchoServer } from '../helpers/localServers';

/** Resolves with the TLS handshake's verdict: 'ok', or the error code. */
function handshake(port: number, secureContext?: tls.SecureContext): Promise<string> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host: '127.0.0.1', port, servername: 'localhost', ...(secureContext ? { secureContext } : {}) }, () => {
      socket.destroy();
      resolve('ok');
    });
    socket.on('error', (error: Error & { code?: string }) => resolve(error.code ?? error.message));
  });
}

describe('wechat/trustedCas', function () {
  const noSystem = (): string[] => [];
  let cert: { key: string; cert: string } | undefined;
  let server: EchoServer | undefined;

  before(async function () {
    cert = selfSignedCert();
    if (!cert) this.skip(); // openssl not installed
    server = await startEchoServer(cert);
  });
  after(() => server?.close());

  it("nothing beyond Node's roots: no context of its own (Node's defaults apply)", () => {
    const cas = trustedCas({ env: {}, systemCertificates: () => tls.rootCertificates.slice(0, 5) });
    assert.deepEqual([cas.secureContext, cas.added, cas.warnings], [undefined, 0, []]);
  });

  it('NODE_EXTRA_CA_CERTS is read by itself; each certificate counts once; a root is no addition', async () => {
    const file = `# company CA\n${cert!.cert}\n${cert!.cert}\n${tls.rootCertificates[0] ?? ''}`;
    assert.equal(pemCertificates(file).length, 3);
    const cas = trustedCas({ env: { NODE_EXTRA_CA_CERTS: '/etc/company-ca.pem' }, readFile: () => file, systemCertificates: noSystem });
    assert.equal(cas.added, 1);
    assert.equal(await handshake(server!.port, cas.secureContext), 'ok');
  });

  it('the system store counts too (a certificate the OS trusts and Node does not bundle)', async () => {
    const cas = trustedCas({ env: {}, systemCertificates: () => [cert!.cert] });
    assert.equal(cas.added, 1);
    assert.equal(await handshake(server!.port, cas.secureContext), 'ok');
  });

  it('adding to the context does not change what the rest of the process trusts', async () => {
    trustedCas({ env: {}, systemCertificates: () => [cert!.cert] });
    assert.match(await handshake(server!.port), /SELF_SIGNED|UNABLE_TO_VERIFY/);
  });

  it('an unreadable or empty NODE_EXTRA_CA_CERTS is a warning, not a failure', () => {
    const missing = trustedCas({
      env: { NODE_EXTRA_CA_CERTS: '/nope.pem' },
      readFile: () => {
        throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      },
      systemCertificates: noSystem,
    });
    assert.deepEqual(missing.warnings, ['NODE_EXTRA_CA_CERTS (/nope.pem) could not be read (ENOENT); nothing from it is trusted']);
    const empty = trustedCas({
      env: { NODE_EXTRA_CA_CERTS: '/empty.pem' },
      readFile: () => 'not a certificate',
      systemCertificates: noSystem,
    });
    assert.deepEqual(empty.warnings, ['NODE_EXTRA_CA_CERTS (/empty.pem) holds no PEM certificate; nothing from it is trusted']);
    assert.equal(empty.secureContext, undefined);
  });
});
