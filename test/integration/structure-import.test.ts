import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { documentClient, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { MalformedItemError, queryAll } from '../../shared/db/store';
import { ValidationError } from '../../shared/domain/errors';
import { vietnamMonth } from '../../shared/domain/time';
import { importStructure, parseDistrictConfig } from '../../shared/services/structure/import-structure';
import { readSampleConfig } from '../support/sample-district';

describe('importStructure', () => {
  it('loads the whole sample district, then changes nothing when the same file comes again', async () => {
    const config = readSampleConfig();
    const unitCount =
      config.zones.length +
      config.communes.length +
      config.cells.length +
      config.departments.length +
      config.officials.length;

    const first = await importStructure(config, { id: 'tester' });
    // and three district-wide settings: the calendar, the report rules and the answer settings.
    expect(first.created).toBe(unitCount + config.assignments.length + 3);
    const auditAfterFirst = await queryAll({
      index: 'GSI1',
      partition: keys.auditMonth(vietnamMonth(new Date())),
    });

    const second = await importStructure(config, { id: 'tester' });
    expect(second).toEqual({ created: 0, updated: 0, deleted: 0, unchanged: first.created });
    const auditAfterSecond = await queryAll({
      index: 'GSI1',
      partition: keys.auditMonth(vietnamMonth(new Date())),
    });
    expect(auditAfterSecond.length).toBe(auditAfterFirst.length);
  });

  it('removes what the file no longer lists and updates what changed', async () => {
    const config = readSampleConfig();
    const lastCommune = config.communes.at(-1);
    if (!lastCommune) throw new Error('sample has communes');
    const smaller = {
      ...config,
      zones: config.zones.map((zone, i) => (i === 0 ? { ...zone, name: `${zone.name} (đổi tên)` } : zone)),
      communes: config.communes.slice(0, -1),
      cells: config.cells.filter((cell) => cell.communeId !== lastCommune.id),
      assignments: config.assignments.filter(
        (a) =>
          a.scopeId !== lastCommune.id &&
          !config.cells.some((c) => c.communeId === lastCommune.id && c.id === a.scopeId),
      ),
    };

    const summary = await importStructure(smaller, { id: 'tester' });

    const removedCells = config.cells.length - smaller.cells.length;
    const removedAssignments = config.assignments.length - smaller.assignments.length;
    expect(summary.updated).toBe(1);
    expect(summary.deleted).toBe(1 + removedCells + removedAssignments);
    const communes = await queryAll({ index: 'GSI1', partition: keys.unitCollection('commune') });
    expect(communes.map((c) => c.id)).not.toContain(lastCommune.id);
  });

  it('lists schema problems and reference problems of one file together, each at its path', () => {
    const file = structuredClone(readSampleConfig()) as unknown as Record<string, Record<string, unknown>[]>;
    const [zone, commune, assignment] = [file.zones?.[1], file.communes?.[2], file.assignments?.[3]];
    if (!zone || !commune || !assignment) throw new Error('sample too small');
    zone.colour = 'đỏ';
    commune.zoneId = 'khu-99';
    assignment.officialId = 'khong-co-ai';

    let problems: readonly { path: string; code: string }[] = [];
    try {
      parseDistrictConfig(file);
    } catch (error) {
      if (error instanceof ValidationError) problems = error.errors ?? [];
    }

    expect(problems).toEqual([
      expect.objectContaining({ path: '/zones/1/colour', code: 'unrecognized_key' }),
      expect.objectContaining({ path: '/communes/2/zoneId', code: 'unknown_reference' }),
      expect.objectContaining({ path: '/assignments/3/officialId', code: 'unknown_reference' }),
    ]);
  });

  it('stops at a hand-edited unit, whether the file keeps, changes or drops it, and writes nothing', async () => {
    const config = readSampleConfig();
    await importStructure(config, { id: 'tester' });
    const [kept, changed, dropped] = config.zones;
    if (!kept || !changed || !dropped) throw new Error('sample has zones');
    for (const zone of [kept, changed, dropped]) {
      await documentClient().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.unit('zone', zone.id),
          UpdateExpression: 'SET colour = :colour',
          ExpressionAttributeValues: { ':colour': 'đỏ' },
        }),
      );
    }
    const audit = () => queryAll({ index: 'GSI1', partition: keys.auditMonth(vietnamMonth(new Date())) });
    const auditBefore = (await audit()).length;
    const files = [
      config,
      { ...config, zones: config.zones.map((z) => (z.id === changed.id ? { ...z, name: `${z.name} mới` } : z)) },
      {
        ...config,
        zones: config.zones.filter((z) => z.id !== dropped.id),
        communes: config.communes.filter((c) => c.zoneId !== dropped.id),
      },
    ];

    for (const [index, file] of files.entries()) {
      const error = await importStructure(file, { id: 'tester' }).catch((thrown: unknown) => thrown);
      expect(error, `file ${index}`).toBeInstanceOf(MalformedItemError);
      expect((error as MalformedItemError).fields).toEqual(['(item) (unrecognized_keys)']);
    }
    expect((await audit()).length).toBe(auditBefore);
  });
});
