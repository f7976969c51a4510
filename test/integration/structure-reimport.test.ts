/**
 * The structure import run again and again on one district, as the office does when the file
 * changes: history marks survive a rename and hold the unit, dropped accounts are freed, the
 * district-wide settings follow the file, and a file that changes nothing plans no write at all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ChangeSet } from '../../shared/db/change-set';
import { keys } from '../../shared/db/keys';
import { getItem, queryAll } from '../../shared/db/store';
import { ConflictError, ValidationError } from '../../shared/domain/errors';
import type { DistrictConfig } from '../../shared/domain/structure/district-config';
import { vietnamMonth } from '../../shared/domain/time';
import { putHostingWishes } from '../../shared/services/cycle/rotations';
import { resolveCaller } from '../../shared/services/structure/callers';
import {
  importStructure,
  parseDistrictConfig,
  planStructureImport,
} from '../../shared/services/structure/import-structure';
import { listAudit, readCalendar } from '../../shared/services/structure/structure-reads';
import { referenceProblems } from '../support/reference-audit';
import { readSampleConfig } from '../support/sample-district';

const tester = { id: 'tester' };
const sample = readSampleConfig();
/** Two zones that gain history below: every later file keeps them (renamed), as it must. */
const marked = [
  { id: 'khu-cu-a', name: 'Khu cũ A' },
  { id: 'khu-cu-b', name: 'Khu cũ B' },
];
const renamed = marked.map((zone) => ({ ...zone, name: `${zone.name} (đổi tên)` }));

/** The sample with extra zones that nothing refers to, which an import may rename or drop. */
function withZones(config: DistrictConfig, ...zones: { id: string; name: string }[]): DistrictConfig {
  return { ...config, zones: [...config.zones, ...zones] };
}

async function refusal(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('a fresh table', () => {
  it('has no calendar until the first import brings the file’s', async () => {
    const before = await refusal(readCalendar());

    await importStructure(sample, tester);

    expect(before).toMatchObject({ status: 404, code: 'calendar_not_found' });
    expect((await readCalendar()).value).toEqual(sample.calendar);
  });
});

describe('units with history', () => {
  beforeAll(async () => {
    await importStructure(withZones(sample, ...marked), tester);
    for (const zone of marked) await new ChangeSet(tester).markInUse(keys.unit('zone', zone.id)).commit();
  });

  it('count as unchanged when the same file comes again', async () => {
    const summary = await importStructure(withZones(sample, ...marked), tester);

    expect(summary).toMatchObject({ created: 0, updated: 0, deleted: 0 });
  });

  it('keep their mark through a rename, so a later file cannot drop them; the refusal names both', async () => {
    const summary = await importStructure(withZones(sample, ...renamed), tester);
    const auditBefore = (await queryAll({ index: 'GSI1', partition: keys.auditMonth(vietnamMonth(new Date())) }))
      .length;

    const error = await refusal(importStructure(sample, tester));

    expect(summary.updated).toBe(2);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: 'unit_has_history' });
    expect((error as ConflictError).message).toContain('zone "khu-cu-a"');
    expect((error as ConflictError).message).toContain('zone "khu-cu-b"');
    expect(await getItem(keys.unit('zone', 'khu-cu-a'))).toMatchObject({ name: 'Khu cũ A (đổi tên)' });
    const auditAfter = await queryAll({ index: 'GSI1', partition: keys.auditMonth(vietnamMonth(new Date())) });
    expect(auditAfter.length).toBe(auditBefore);
  });
});

/** The district as every later file has it. */
const district = withZones(sample, ...renamed);

describe('a file that changes nothing', () => {
  it('plans no transaction; a whole district fits in a few', async () => {
    const unchanged = await planStructureImport(district, tester);
    const records =
      district.zones.length + district.communes.length + district.cells.length + district.assignments.length;
    const grown: DistrictConfig = {
      ...district,
      cells: [
        ...district.cells,
        ...Array.from({ length: 60 }, (_, i) => ({
          id: `gia-tan-them-${i}`,
          name: `Chi bộ thêm ${i}`,
          communeId: 'gia-tan',
        })),
      ],
    };
    const added = await planStructureImport(grown, tester);

    expect(unchanged.transactions).toBe(0);
    expect(unchanged.summary.unchanged).toBeGreaterThan(records);
    expect(added.summary.created).toBe(60);
    // 60 cells of two writes each in two transactions of at most 100 writes, then the commune's count.
    expect(added.transactions).toBe(3);
  });
});

describe('accounts', () => {
  it('frees the account of an official the file keeps without one', async () => {
    await importStructure(district, tester);
    const official = district.officials.find((o) => o.id === 'truong-khu-3');
    if (!official?.subject) throw new Error('the sample zone head has an account');
    const { subject, ...withoutAccount } = official;
    const file = { ...district, officials: district.officials.map((o) => (o.id === official.id ? withoutAccount : o)) };

    await importStructure(file, tester);

    expect(await getItem(keys.subject(subject))).toBeUndefined();
    await expect(resolveCaller(subject)).rejects.toMatchObject({ status: 403 });
    const given = { ...file, officials: file.officials.map((o) => (o.id === 'truong-khu-4' ? { ...o, subject } : o)) };
    await importStructure(given, tester);
    expect((await resolveCaller(subject)).official.id).toBe('truong-khu-4');
  });

  it('lets a new official of the file sign in with the account it gives them', async () => {
    const newcomer = { id: 'can-bo-moi-nhap', name: 'Cán bộ mới', title: 'Chuyên viên', subject: 'tk-moi-nhap' };

    await importStructure({ ...district, officials: [...district.officials, newcomer] }, tester);

    expect((await resolveCaller('tk-moi-nhap')).official).toMatchObject({ id: newcomer.id });
  });
});

describe('district-wide settings', () => {
  it('follow the file: a new holiday and new report rules are stored, audited as an import', async () => {
    await importStructure(district, tester);
    const holidays = [...district.calendar.holidays, '2027-12-31'];
    const vaguePhrases = ['không có gì mới'];

    const summary = await importStructure(
      { ...district, calendar: { ...district.calendar, holidays }, reports: { ...district.reports, vaguePhrases } },
      tester,
    );

    expect(summary).toMatchObject({ created: 0, updated: 2, deleted: 0 });
    expect((await readCalendar()).value.holidays).toEqual(holidays);
    expect(await getItem(keys.reportRules())).toMatchObject({ vaguePhrases });
    const calendarTrail = await listAudit('calendar:district', 10, undefined);
    expect(calendarTrail.items[0]).toMatchObject({ action: 'import', actor: 'tester' });
    const rulesTrail = await listAudit('report-rules:district', 10, undefined);
    expect(rulesTrail.items[0]).toMatchObject({ action: 'import', after: { vaguePhrases } });
  });

  it('keeps the answer settings under their own name in the audit trail', async () => {
    const trail = await listAudit('answer-settings:district', 10, undefined);

    expect(trail.items.at(-1)).toMatchObject({ action: 'create', after: { districtName: district.district.name } });
  });
});

describe('a file with only reference problems', () => {
  it('is refused as a whole, naming the entry', () => {
    const file = structuredClone(district) as unknown as Record<string, Record<string, unknown>[]>;
    const commune = file.communes?.[0];
    if (!commune) throw new Error('the sample has communes');
    commune.zoneId = 'khu-99';

    let error: unknown;
    try {
      parseDistrictConfig(file);
    } catch (thrown) {
      error = thrown;
    }

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toEqual([
      expect.objectContaining({ path: '/communes/0/zoneId', code: 'unknown_reference' }),
    ]);
  });

  it.each([
    ['nothing', null],
    ['a file without its lists', { district: district.district }],
  ])('is refused with 400 for %s, not a crash', (_case, input) => {
    expect(() => parseDistrictConfig(input)).toThrow(ValidationError);
  });
});

describe('a commune that wished to host', () => {
  it('cannot be dropped by a file: the refusal names it, and it stays', async () => {
    const commune = { id: 'xa-muon-dang-cai', name: 'Xã muốn đăng cai', kind: 'xa' as const, zoneId: 'khu-1' };
    await importStructure({ ...district, communes: [...district.communes, commune] }, tester);
    await putHostingWishes(commune, 2032, [5], tester, () => 0);

    const error = await refusal(importStructure(district, tester));

    expect(error).toMatchObject({ status: 409, code: 'unit_in_rotation' });
    expect((error as ConflictError).message).toContain('commune "xa-muon-dang-cai"');
    expect(await getItem(keys.unit('commune', commune.id))).toBeDefined();
  });
});

describe('the counts after all these imports', () => {
  it('equal what refers to each unit', async () => {
    expect(await referenceProblems()).toEqual([]);
  });
});
