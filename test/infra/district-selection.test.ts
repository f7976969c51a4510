/** Loading district files and choosing districts from the CLI context: every mistake gets a clear message. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectDistricts } from '../../infra/app';
import { DistrictConfigError, loadDistrictConfigs } from '../../infra/district-configs';

const configs = loadDistrictConfigs();
const knownIds = configs.map((config) => config.district.id);

function directoryWith(files: Record<string, unknown>): string {
  const directory = mkdtempSync(join(tmpdir(), 'districts-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(directory, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return directory;
}

function loadError(directory: string): DistrictConfigError {
  try {
    loadDistrictConfigs(directory);
  } catch (error) {
    if (error instanceof DistrictConfigError) return error;
    throw error;
  }
  throw new Error('expected loadDistrictConfigs to fail');
}

describe('loadDistrictConfigs', () => {
  it('loads every district file of infra/districts, including gia-loc', () => {
    expect(knownIds).toContain('gia-loc');
    expect(knownIds.length).toBeGreaterThanOrEqual(2);
  });

  it('lists every problem of every file with its JSON pointer', () => {
    const [giaLoc] = configs;
    if (giaLoc === undefined) throw new Error('no district config');
    const wrongReference = {
      ...giaLoc,
      district: { ...giaLoc.district, id: 'wrong-ref' },
      communes: giaLoc.communes.map((commune, index) =>
        index === 0 ? { ...commune, zoneId: 'no-such-zone' } : commune,
      ),
    };
    const error = loadError(
      directoryWith({
        'broken.json': '{ not json',
        'bad-schema.json': { district: { id: 'bad-schema' }, extra: true },
        'wrong-ref.json': wrongReference,
        'misnamed.json': { ...giaLoc, district: { ...giaLoc.district, id: 'other-id' } },
      }),
    );
    const files = new Set(error.problems.map((problem) => problem.file));
    expect([...files].sort()).toEqual(['bad-schema.json', 'broken.json', 'misnamed.json', 'wrong-ref.json']);
    expect(error.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'broken.json', message: expect.stringContaining('not valid JSON') }),
        expect.objectContaining({ file: 'bad-schema.json', path: '/deployment' }),
        expect.objectContaining({ file: 'wrong-ref.json', path: '/communes/0/zoneId' }),
        expect.objectContaining({ file: 'misnamed.json', path: '/district/id' }),
      ]),
    );
    expect(error.message).toContain('wrong-ref.json/communes/0/zoneId');
  });

  it('refuses a folder without district files', () => {
    expect(loadError(directoryWith({})).message).toContain('no district file');
  });
});

describe('selectDistricts', () => {
  it('selects one district, several, or all', () => {
    expect(selectDistricts('gia-loc', configs).map((config) => config.district.id)).toEqual(['gia-loc']);
    expect(selectDistricts(knownIds.join(','), configs)).toHaveLength(knownIds.length);
    expect(selectDistricts(['all'], configs)).toHaveLength(knownIds.length);
  });

  it.each([
    ['missing', undefined, /no district selected/],
    ['empty', '', /no district selected/],
    ['unknown', 'ha-noi', /unknown district "ha-noi"/],
  ])('explains a %s selection and lists the known districts', (_case, selection, message) => {
    expect(() => selectDistricts(selection, configs)).toThrow(message);
    expect(() => selectDistricts(selection, configs)).toThrow(knownIds.join(', '));
  });
});
