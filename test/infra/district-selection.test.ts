/**
 * Loading district files and choosing districts from the CLI context: every mistake gets a clear
 * message, and sample districts are built only on purpose.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildApp, DistrictSelectionError, selectDistricts } from '../../infra/app';
import { DistrictConfigError, loadDistrictConfigs } from '../../infra/district-configs';
import type { DistrictConfig } from '../../shared/domain/structure/district-config';
import { WITHOUT_BUNDLING_OR_SCHEMA_CHECK } from './helpers';

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

/** A copy of gia-loc that is not marked as sample data. */
const realDistrict: DistrictConfig = (() => {
  const [giaLoc] = configs;
  if (giaLoc === undefined) throw new Error('no district config');
  return { ...giaLoc, sample: false, district: { ...giaLoc.district, id: 'real-district' } };
})();

const idsOf = (chosen: readonly DistrictConfig[]) => chosen.map((config) => config.district.id);

describe('selectDistricts', () => {
  it('selects one district, several, or all', () => {
    expect(idsOf(selectDistricts('gia-loc', configs, true))).toEqual(['gia-loc']);
    expect(selectDistricts(knownIds.join(','), configs, true)).toHaveLength(knownIds.length);
    expect(selectDistricts(['all'], configs, true)).toHaveLength(knownIds.length);
  });

  it.each([
    ['missing', undefined, /no district selected/],
    ['empty', '', /no district selected/],
    ['unknown', 'ha-noi', /unknown district "ha-noi"/],
  ])('explains a %s selection and lists the known districts', (_case, selection, message) => {
    expect(() => selectDistricts(selection, configs)).toThrow(message);
    expect(() => selectDistricts(selection, configs)).toThrow(knownIds.join(', '));
  });

  it('refuses a sample district named without allowSamples, and says how to allow it', () => {
    expect(() => selectDistricts('gia-loc', configs)).toThrow(DistrictSelectionError);
    expect(() => selectDistricts(`gia-loc,${realDistrict.district.id}`, [...configs, realDistrict])).toThrow(
      /district "gia-loc" is sample data .*-c allowSamples=true/,
    );
  });

  it('leaves the samples out of `all` unless allowed, and refuses an `all` of samples only', () => {
    const mixed = [...configs, realDistrict];
    expect(idsOf(selectDistricts('all', mixed))).toEqual(['real-district']);
    expect(idsOf(selectDistricts('all', mixed, true)).sort()).toEqual([...knownIds, 'real-district'].sort());
    expect(() => selectDistricts('all', configs)).toThrow(/every district file is sample data.*allowSamples=true/);
  });
});

describe('buildApp and the CLI', () => {
  it('reads allowSamples from the context as the CLI passes it', () => {
    const context = (extra: Record<string, unknown>) => ({
      ...WITHOUT_BUNDLING_OR_SCHEMA_CHECK,
      context: { ...WITHOUT_BUNDLING_OR_SCHEMA_CHECK.context, district: 'gia-loc', ...extra },
    });
    expect(() => buildApp({ appProps: context({}) })).toThrow(/sample data/);
    expect(() => buildApp({ appProps: context({ allowSamples: 'false' }) })).toThrow(/sample data/);
    expect(buildApp({ appProps: context({ allowSamples: 'true' }) }).districts).toHaveLength(1);
  });

  it('prints the refusal as one plain line and exits 1, without a stack trace', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'infra/app.ts'], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      env: {
        ...process.env,
        CDK_CONTEXT_JSON: JSON.stringify({ district: 'gia-loc' }),
        CDK_OUTDIR: mkdtempSync(join(tmpdir(), 'cdk-out-')),
      },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      'district "gia-loc" is sample data ("sample": true, invented officials): pass -c allowSamples=true to deploy sample data on purpose',
    );
  });
});
