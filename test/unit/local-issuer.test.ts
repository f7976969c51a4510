/** Local tokens name the gateway they are for: its real port is in the issuer. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { createLocalIssuer, localIssuerUrl } from '../../infra/local/jwt';

describe('the local issuer', () => {
  it('signs tokens whose issuer names the port, accepted by that port’s gateway only', async () => {
    const onPort3001 = await createLocalIssuer(undefined, localIssuerUrl(3001));
    const token = await onPort3001.sign('sample-van-phong-1');

    expect(decodeJwt(token).iss).toBe('http://127.0.0.1:3001/local-issuer');
    expect(await onPort3001.verify(token)).toMatchObject({ sub: 'sample-van-phong-1' });
  });

  it('refuses a token issued for another port, even signed with the same key', async () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'local-key-')), 'key.json');
    const forDefaultPort = await createLocalIssuer(keyFile);
    const forPort3001 = await createLocalIssuer(keyFile, localIssuerUrl(3001));

    expect(await forPort3001.verify(await forDefaultPort.sign('sample-van-phong-1'))).toBeUndefined();
    expect(decodeJwt(await forDefaultPort.sign('x')).iss).toBe('http://127.0.0.1:3000/local-issuer');
  });
});
