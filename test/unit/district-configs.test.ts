/** Every district config in `infra/districts` is valid, consistent and staffs every role. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkConfigReferences,
  type DistrictConfig,
  deploymentSchema,
  districtConfigSchema,
} from '../../shared/domain/structure/district-config';
import type { Role } from '../../shared/domain/structure/roles';

const folder = new URL('../../infra/districts/', import.meta.url);
const files = readdirSync(folder)
  .filter((file) => file.endsWith('.json'))
  .sort();

function readRaw(file: string): unknown {
  return JSON.parse(readFileSync(new URL(file, folder), 'utf8'));
}

function load(file: string): DistrictConfig {
  const result = districtConfigSchema.safeParse(readRaw(file));
  if (!result.success) throw new Error(`${file}: ${JSON.stringify(result.error.issues, null, 2)}`);
  return result.data;
}

/** Ids of the officials holding `role` (in `scopeId`, when given). */
function holders(config: DistrictConfig, role: Role, scopeId?: string): string[] {
  return config.assignments
    .filter((a) => a.role === role && (scopeId === undefined || a.scopeId === scopeId))
    .map((a) => a.officialId);
}

describe('district config files', () => {
  it('include the Gia Lộc sample and the small second sample', () => {
    expect(files).toContain('gia-loc.json');
    expect(files).toContain('thanh-mien-sample.json');
  });
});

describe.each(files)('%s', (file) => {
  it('parses with the district config schema', () => {
    const result = districtConfigSchema.safeParse(readRaw(file));
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('has no reference problems', () => {
    expect(checkConfigReferences(load(file))).toEqual([]);
  });

  it('is named after its district id', () => {
    expect(file).toBe(`${load(file).district.id}.json`);
  });

  it('gives every zone one zone head on the standing committee, and a zone deputy', () => {
    const config = load(file);
    const standingCommittee = new Set(holders(config, 'standing-committee'));
    for (const zone of config.zones) {
      const heads = holders(config, 'zone-head', zone.id);
      expect(heads, zone.id).toHaveLength(1);
      expect(standingCommittee.has(heads[0] ?? ''), `${zone.id} head on the standing committee`).toBe(true);
      expect(holders(config, 'zone-deputy', zone.id), zone.id).not.toHaveLength(0);
    }
  });

  it('gives every commune a member in charge, a secretary and a chair', () => {
    const config = load(file);
    for (const commune of config.communes) {
      for (const role of ['commune-in-charge', 'commune-secretary', 'commune-chair'] as const) {
        expect(holders(config, role, commune.id), `${role} of ${commune.id}`).not.toHaveLength(0);
      }
    }
  });

  it('gives every cell a secretary and every department an official', () => {
    const config = load(file);
    for (const cell of config.cells) {
      expect(holders(config, 'cell-secretary', cell.id), cell.id).not.toHaveLength(0);
    }
    for (const department of config.departments) {
      expect(holders(config, 'department', department.id), department.id).not.toHaveLength(0);
    }
  });

  it('staffs the office, the district administrator and the standing board', () => {
    const config = load(file);
    for (const role of ['office', 'district-admin', 'standing-board'] as const) {
      expect(holders(config, role), role).not.toHaveLength(0);
    }
  });

  it('gives each official a distinct account subject', () => {
    const subjects = load(file).officials.map((official) => official.subject);
    expect(new Set(subjects).size).toBe(subjects.length);
  });
});

describe('gia-loc.json', () => {
  const config = load('gia-loc.json');

  it('has 6 zones and 23 communes, one of them the town', () => {
    expect(config.zones).toHaveLength(6);
    expect(config.communes).toHaveLength(23);
    expect(config.communes.filter((c) => c.kind === 'thi-tran')).toHaveLength(1);
  });

  it('puts every commune in an existing zone', () => {
    const zoneIds = new Set(config.zones.map((z) => z.id));
    for (const commune of config.communes) expect(zoneIds.has(commune.zoneId), commune.id).toBe(true);
  });

  it('has at least 3 cells per commune and at least 10 departments', () => {
    for (const commune of config.communes) {
      const cells = config.cells.filter((cell) => cell.communeId === commune.id);
      expect(cells.length, commune.id).toBeGreaterThanOrEqual(3);
    }
    expect(config.departments.length).toBeGreaterThanOrEqual(10);
  });

  it('marks every official as sample data', () => {
    expect(config.sample).toBe(true);
    expect(config.officials.filter((official) => official.sample !== true)).toEqual([]);
  });

  it('keeps the well-known ids the README and tests refer to', () => {
    expect(holders(config, 'office')).toContain('van-phong-1');
    expect(holders(config, 'district-admin')).toContain('quan-tri');
  });
});

describe('checkConfigReferences', () => {
  const base = load('gia-loc.json');

  it('reports an unknown zone, a duplicate id and a zone head without scope, each with its path', () => {
    const config = structuredClone(base);
    const commune = config.communes[3];
    const zone = config.zones[0];
    const zoneHead = config.assignments.findIndex((a) => a.role === 'zone-head');
    const assignment = config.assignments[zoneHead];
    if (commune === undefined || zone === undefined || assignment === undefined) throw new Error('sample too small');
    commune.zoneId = 'khu-99';
    config.zones.push({ ...zone });
    delete assignment.scopeId;

    const problems = checkConfigReferences(config);
    expect(problems.map(({ path, code }) => ({ path, code }))).toEqual(
      expect.arrayContaining([
        { path: '/zones/6/id', code: 'duplicate_id' },
        { path: '/communes/3/zoneId', code: 'unknown_reference' },
        { path: `/assignments/${zoneHead}/scopeId`, code: 'missing_scope' },
      ]),
    );
    expect(problems).toHaveLength(3);
    for (const problem of problems) expect(problem.message).not.toBe('');
  });

  it('leaves the parsed sample untouched', () => {
    expect(checkConfigReferences(base)).toEqual([]);
  });
});

describe('deploymentSchema', () => {
  const cycleOpener = { dayOfMonth: 1, hour: 7, minute: 0 };

  it('defaults the p99 latency threshold to 3 s and the dashboard to off', () => {
    expect(deploymentSchema.parse({ cycleOpener, alarmEmails: ['a@huyen.example'] })).toEqual({
      cycleOpener,
      alarmEmails: ['a@huyen.example'],
      apiLatencyP99Ms: 3000,
      dashboard: false,
    });
  });

  it.each([
    ['missing', undefined, ''],
    ['empty', [], ''],
    ['not an address', ['van-phong'], '/0'],
    ['listed twice', ['a@huyen.example', 'A@huyen.example'], ''],
  ])('refuses alarm e-mails that are %s, at the field', (_case, alarmEmails, suffix) => {
    const result = deploymentSchema.safeParse({ cycleOpener, alarmEmails });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(`/${issue?.path.join('/')}`).toBe(`/alarmEmails${suffix}`);
  });

  it('takes a restored table name only as DynamoDB spells table names', () => {
    const settings = (restoredTableName: string) =>
      deploymentSchema.safeParse({ cycleOpener, alarmEmails: ['a@huyen.example'], restoredTableName }).success;
    expect(settings('giao-ban-gia-loc-restored-2027-03-14')).toBe(true);
    expect(settings('bảng mới')).toBe(false);
    expect(settings('ab')).toBe(false);
  });

  it('refuses a latency threshold API Gateway would never reach', () => {
    expect(
      deploymentSchema.safeParse({ cycleOpener, alarmEmails: ['a@huyen.example'], apiLatencyP99Ms: 30_000 }).success,
    ).toBe(false);
  });
});
