/**
 * First load of a deployed district, before any official can sign in:
 * `TABLE_NAME=<table> DISTRICT_ID=<id> AWS_REGION=<region> npx tsx infra/tools/import-district.ts <id>`
 * runs the same import as `PUT /structure`, with the deployer's AWS credentials.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importStructure, parseDistrictConfig } from '../../shared/services/structure/import-structure';
import { districtsDir } from '../local/paths';

const districtId = process.argv[2];
if (!districtId) {
  console.error('Usage: npx tsx infra/tools/import-district.ts <district-id>');
  process.exit(1);
}
const config = parseDistrictConfig(JSON.parse(readFileSync(resolve(districtsDir, `${districtId}.json`), 'utf8')));
const summary = await importStructure(config, { id: 'system:deployer-import' });
console.log(`${config.district.name}: ${JSON.stringify(summary)}`);
