/** The structure import keeps every unit's reference counts equal to what refers to it, through moves and removals. */
import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys';
import { getItem } from '../../shared/db/store';
import { importStructure } from '../../shared/services/structure/import-structure';
import { referenceProblems } from '../support/reference-audit';
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
