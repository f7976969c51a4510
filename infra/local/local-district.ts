/**
 * The local table holds one district. `npm start` loads it into an empty table and notes its id
 * beside the data; another `--district` is refused with the way out, never served under the
 * wrong name.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { keys } from '../../shared/db/keys';
import { queryPage } from '../../shared/db/store';
import type { DistrictConfig } from '../../shared/domain/structure/district-config';
import { importStructure } from '../../shared/services/structure/import-structure';
import { LocalSetupError } from './dynamodb-local';

/**
 * Loads `config` when the table has no structure yet and records its id in `markerFile`.
 *
 * @returns whether it loaded the district now
 * @throws LocalSetupError when the table holds another district, or one nobody recorded
 */
export async function loadDistrictOnce(config: DistrictConfig, markerFile: string): Promise<boolean> {
  const districtId = config.district.id;
  const existing = await queryPage({ index: 'GSI1', partition: keys.unitCollection('zone'), limit: 1 });
  if (existing.items.length > 0) {
    const loaded = existsSync(markerFile) ? readFileSync(markerFile, 'utf8').trim() : undefined;
    if (loaded === districtId) return false;
    throw new LocalSetupError(
      `The local data holds ${loaded ? `district "${loaded}"` : 'a district npm start did not record'}, not "${districtId}".\n` +
        `Run \`npm run reset\` to empty it; the next \`npm start -- --district ${districtId}\` then loads ${districtId}.` +
        (loaded ? `\nOr keep it: \`npm start -- --district ${loaded}\`.` : ''),
    );
  }
  await importStructure(config, { id: 'system:local-start' });
  writeFileSync(markerFile, `${districtId}\n`);
  return true;
}
