/** Loads a sample district config through the real import, as `npm start` does. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DistrictConfig } from '../../shared/domain/structure/district-config';
import {
  type ImportSummary,
  importStructure,
  parseDistrictConfig,
} from '../../shared/services/structure/import-structure';

export function readSampleConfig(districtId = 'gia-loc'): DistrictConfig {
  const file = resolve(import.meta.dirname, '../../infra/districts', `${districtId}.json`);
  return parseDistrictConfig(JSON.parse(readFileSync(file, 'utf8')));
}

export function seedSampleDistrict(districtId = 'gia-loc'): Promise<ImportSummary> {
  return importStructure(readSampleConfig(districtId), { id: 'test-seed' });
}
