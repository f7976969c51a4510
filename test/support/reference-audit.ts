/**
 * Reads the whole structure back from the table and lists what is wrong with its references: a
 * record (a unit, an assignment, a rotation plan, a hosting wish) naming a unit that does not
 * exist (an orphan), and a unit whose kept counts differ from the records that refer to it. Empty when all is well. Test-only: it reads whole collections.
 */
import { isDeepStrictEqual } from 'node:util';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { getItems } from '../../shared/db/batch';
import { documentClient, tableName } from '../../shared/db/client';
import { keys, type StructureKind } from '../../shared/db/keys';
import { queryAll } from '../../shared/db/store';
import { roleCatalogue } from '../../shared/domain/structure/roles';

const kinds: readonly StructureKind[] = ['zone', 'commune', 'cell', 'department', 'official'];

type Reference = 'children' | 'assignments' | 'rotations' | 'hostingWishes';
type Counts = Record<Reference, number>;

/** The counts a unit's references item keeps (absent counts are zero). */
export function countsOf(item: Record<string, unknown> | undefined): Counts {
  return {
    children: Number(item?.children ?? 0),
    assignments: Number(item?.assignments ?? 0),
    rotations: Number(item?.rotations ?? 0),
    hostingWishes: Number(item?.hostingWishes ?? 0),
  };
}

export async function referenceProblems(): Promise<string[]> {
  const units = new Map<string, Record<string, unknown>>();
  for (const kind of kinds) {
    for (const item of await queryAll({ index: 'GSI1', partition: keys.unitCollection(kind) })) {
      units.set(`${kind}#${String(item.id)}`, item);
    }
  }
  const assignments = await queryAll({ index: 'GSI1', partition: keys.assignmentCollection });
  const problems: string[] = [];
  const expected = new Map<string, Counts>();
  for (const name of units.keys()) expected.set(name, { children: 0, assignments: 0, rotations: 0, hostingWishes: 0 });
  const refer = (from: string, to: string, counter: Reference) => {
    const target = expected.get(to);
    if (target) target[counter]++;
    else problems.push(`${from} names ${to}, which does not exist`);
  };
  for (const [name, unit] of units) {
    if (name.startsWith('commune#')) refer(name, `zone#${String(unit.zoneId)}`, 'children');
    if (name.startsWith('cell#')) refer(name, `commune#${String(unit.communeId)}`, 'children');
  }
  for (const assignment of assignments) {
    const name = `assignment#${String(assignment.id)}`;
    refer(name, `official#${String(assignment.officialId)}`, 'assignments');
    const scope = roleCatalogue[assignment.role as keyof typeof roleCatalogue].scope;
    if (scope) refer(name, `${scope}#${String(assignment.scopeId)}`, 'assignments');
  }
  const table = await wholeTable();
  for (const item of table) {
    const name = `${String(item.entityType)}#${String(item.PK)}|${String(item.SK)}`;
    if (item.entityType === 'rotation') {
      for (const unit of new Set([
        `zone#${String(item.zoneId)}`,
        ...(item.hosts as string[]).map((id) => `commune#${id}`),
      ]))
        refer(name, unit, 'rotations');
    }
    if (item.entityType === 'hosting-wish') {
      refer(name, `zone#${String(item.zoneId)}`, 'hostingWishes');
      refer(name, `commune#${String(item.communeId)}`, 'hostingWishes');
    }
  }
  const stored = new Map(
    (
      await getItems(
        [...units.keys()].map((name) => {
          const [kind, id] = name.split('#') as [StructureKind, string];
          return keys.unitReferences(kind, id);
        }),
      )
    ).map((item) => [String(item.PK), countsOf(item)]),
  );
  for (const [name, counts] of expected) {
    const [kind, id] = name.split('#') as [StructureKind, string];
    const kept = stored.get(keys.unitReferences(kind, id).PK) ?? countsOf(undefined);
    if (!isDeepStrictEqual(kept, counts)) {
      problems.push(`${name} keeps ${JSON.stringify(kept)} but is referred to by ${JSON.stringify(counts)}`);
    }
  }
  for (const item of table) {
    const sortKey = String(item.SK);
    if (!sortKey.endsWith('#REFERENCES')) continue;
    const kind = kinds.find((k) => keys.unitReferences(k, '').SK === sortKey);
    const id = String(item.PK).slice(String(item.PK).indexOf('#') + 1);
    if (!kind || !units.has(`${kind}#${id}`)) problems.push(`counts ${item.PK} outlive their unit`);
  }
  return problems;
}

/** Every item of the test's own table (a Scan: never on a request path). */
export async function wholeTable(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new ScanCommand({ TableName: tableName(), ExclusiveStartKey: start, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
