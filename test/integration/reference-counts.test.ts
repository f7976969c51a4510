/**
 * The structure import keeps every unit's reference counts equal to what refers to it, through
 * moves and removals, keeps the counts of the plans and wishes it knows nothing of, and cannot
 * remove a unit they name; a regenerated plan moves its counts to the communes it names now.
 */
import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys';
import { getItem } from '../../shared/db/store';
import { generateRotation, putHostingWishes } from '../../shared/services/cycle/rotations';
import { importStructure } from '../../shared/services/structure/import-structure';
import { countsOf, referenceProblems } from '../support/reference-audit';
import { readSampleConfig } from '../support/sample-district';

describe('reference counts through the import', () => {
  it('count every child and assignment of the sample district, and follow a move, a removal and a new unit', async () => {
    const config = readSampleConfig();
    await importStructure(config, { id: 'tester' });
    expect(await referenceProblems()).toEqual([]);
    const khu1 = await getItem(keys.unitReferences('zone', 'khu-1'));
    expect(khu1).toMatchObject({ children: config.communes.filter((c) => c.zoneId === 'khu-1').length });

    const [moved, removed] = config.communes.filter((c) => c.zoneId === 'khu-1');
    if (!moved || !removed) throw new Error('the sample zone has two communes');
    const removedCells = new Set(config.cells.filter((c) => c.communeId === removed.id).map((c) => c.id));
    const changed = {
      ...config,
      zones: [...config.zones, { id: 'khu-moi', name: 'Khu mới' }],
      communes: config.communes
        .filter((c) => c.id !== removed.id)
        .map((c) => (c.id === moved.id ? { ...c, zoneId: 'khu-moi' } : c)),
      cells: config.cells.filter((c) => !removedCells.has(c.id)),
      assignments: config.assignments.filter((a) => a.scopeId !== removed.id && !removedCells.has(a.scopeId ?? '')),
    };
    await importStructure(changed, { id: 'tester' });

    expect(await referenceProblems()).toEqual([]);
    expect(await getItem(keys.unitReferences('zone', 'khu-moi'))).toMatchObject({ children: 1 });
    expect(await getItem(keys.unitReferences('commune', removed.id))).toBeUndefined();
    // and back again: counts of the units the file brings back start from nothing.
    await importStructure(config, { id: 'tester' });
    expect(await referenceProblems()).toEqual([]);
  });
});

describe('reference counts of rotation plans and hosting wishes', () => {
  const tester = { id: 'tester' };

  it('are kept by the import, which refuses to remove a unit they name, and follow a regenerated plan', async () => {
    const config = readSampleConfig();
    await importStructure(config, tester);
    const zone = config.zones[0];
    if (!zone) throw new Error('the sample has a zone');
    const communes = config.communes.filter((c) => c.zoneId === zone.id);
    const [wishing] = communes;
    if (!wishing) throw new Error('the sample zone has a commune');
    await putHostingWishes(wishing, 2031, [4], tester, () => 0);
    await generateRotation(zone.id, 2031, tester, () => 0);
    const planned = await getItem(keys.unitReferences('commune', wishing.id));
    expect(countsOf(planned)).toMatchObject({ rotations: 1, hostingWishes: 1 });
    expect(countsOf(await getItem(keys.unitReferences('zone', zone.id)))).toMatchObject({
      rotations: 1,
      hostingWishes: 1,
    });

    // the same file again, and one that adds a commune to the zone: the plan counts stay.
    await importStructure(config, tester);
    const added = { id: 'xa-moi-2031', name: 'Xã mới', kind: 'xa' as const, zoneId: zone.id };
    const grown = { ...config, communes: [...config.communes, added] };
    await importStructure(grown, tester);
    expect(await referenceProblems()).toEqual([]);
    expect(await getItem(keys.unitReferences('commune', wishing.id))).toEqual(planned);

    const without = { ...grown, communes: grown.communes.filter((c) => c.id !== wishing.id) };
    const cells = new Set(config.cells.filter((c) => c.communeId === wishing.id).map((c) => c.id));
    const refused = importStructure(
      {
        ...without,
        cells: config.cells.filter((c) => !cells.has(c.id)),
        assignments: config.assignments.filter((a) => a.scopeId !== wishing.id && !cells.has(a.scopeId ?? '')),
      },
      tester,
    );
    await expect(refused).rejects.toMatchObject({ status: 409, code: 'unit_in_rotation' });
    expect(await getItem(keys.unit('commune', wishing.id))).toBeDefined();

    // regenerated, the plan names the new commune too: its count moves with the plan.
    await generateRotation(zone.id, 2031, tester, () => 1);
    expect(countsOf(await getItem(keys.unitReferences('commune', added.id)))).toMatchObject({ rotations: 1 });
    expect(await referenceProblems()).toEqual([]);
  });
});
