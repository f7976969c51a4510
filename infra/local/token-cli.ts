/**
 * `npm run token -- <official-id> [--district gia-loc] [--port 3000]`: prints a local bearer token
 * for that official, issued for the gateway on that port.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDistrictConfig } from '../../shared/services/structure/import-structure';
import { createLocalIssuer, DEFAULT_LOCAL_PORT, localIssuerUrl } from './jwt';
import { districtsDir, localKeyFile } from './paths';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    district: { type: 'string', default: 'gia-loc' },
    expires: { type: 'string', default: '12h' },
    port: { type: 'string', default: String(DEFAULT_LOCAL_PORT) },
  },
});
const officialId = positionals[0];
const config = parseDistrictConfig(JSON.parse(readFileSync(resolve(districtsDir, `${values.district}.json`), 'utf8')));
const official = config.officials.find((o) => o.id === officialId);
if (!officialId || !official?.subject) {
  console.error(
    officialId
      ? `No official "${officialId}" with an account subject in ${values.district}.json.`
      : 'Usage: npm run token -- <official-id>   (e.g. van-phong-1, truong-khu-1, bi-thu-cb-gia-tan-thon-ha)',
  );
  process.exit(1);
}
const issuer = await createLocalIssuer(localKeyFile, localIssuerUrl(Number(values.port)));
console.log(await issuer.sign(official.subject, { expiresIn: values.expires }));
