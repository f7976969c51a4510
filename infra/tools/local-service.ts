/**
 * Requests to the local service that `npm start` runs, as one of the district's sample officials
 * (a token signed with the local key in `.local/`): what `npm run import` and `npm run verify` use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDistrictConfig } from '../../shared/services/structure/import-structure';
import { createLocalIssuer, DEFAULT_LOCAL_PORT, localIssuerUrl } from '../local/jwt';
import { districtsDir, localDistrictFile, localKeyFile } from '../local/paths';

export interface LocalService {
  request(method: string, path: string, body?: { text: string; contentType: string }): Promise<Response>;
}

/** The service on `port`, called as `officialId` of the district the local data holds. */
export async function localService(officialId: string, port = DEFAULT_LOCAL_PORT): Promise<LocalService> {
  if (!existsSync(localDistrictFile)) throw new Error('No local data yet: start the service with `npm start` first.');
  const districtId = readFileSync(localDistrictFile, 'utf8').trim();
  const config = parseDistrictConfig(JSON.parse(readFileSync(resolve(districtsDir, `${districtId}.json`), 'utf8')));
  const subject = config.officials.find((official) => official.id === officialId)?.subject;
  if (!subject) throw new Error(`No official "${officialId}" with an account subject in ${districtId}.json.`);
  const token = await (await createLocalIssuer(localKeyFile, localIssuerUrl(port))).sign(subject);
  return {
    request: (method, path, body) =>
      fetch(`http://127.0.0.1:${port}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body && { 'content-type': body.contentType }),
        },
        body: body?.text,
      }),
  };
}
