/** The parts of the district structure the monthly cycle reads: one query per collection. */
import * as z from 'zod/mini';
import { keys } from '../../db/keys';
import { getStored, parseStored, queryAll, type StoredSchema } from '../../db/store';
import type { ZoneAssignment } from '../../domain/cycle/attendees';
import { calendarRecordSchema, unitRecordSchemas, zoneAssignmentSchema } from '../../domain/cycle/cycle-records';
import { type DistrictCalendar, districtCalendarOf } from '../../domain/cycle/meeting-calendar';
import { NotFoundError } from '../../domain/errors';
import type { Cell, Commune, Zone } from '../../domain/structure/entities';

export interface DistrictData {
  /** In natural order (`khu-2` before `khu-10`): the order zones are given meeting slots. */
  readonly zones: readonly Zone[];
  readonly communes: readonly Commune[];
  readonly cells: readonly Cell[];
  readonly officialNames: ReadonlyMap<string, string>;
  readonly calendar: DistrictCalendar;
}

/** Orders ids with their numbers compared as numbers: `khu-2` before `khu-10`. */
function byNaturalId(a: { readonly id: string }, b: { readonly id: string }): number {
  const x = a.id.split(/(\d+)/);
  const y = b.id.split(/(\d+)/);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i] as string, y[i] as string];
    const order = i % 2 === 1 ? Number(p) - Number(q) || p.length - q.length : p < q ? -1 : p > q ? 1 : 0;
    if (order !== 0) return order;
  }
  return x.length - y.length;
}

/** The fields a schema reads: a query projects them, leaving the items' keys and bookkeeping in the table. */
function fieldsOf(schema: z.ZodMiniObject): string[] {
  return ['PK', 'SK', ...Object.keys(schema.shape)];
}

async function collection<S extends z.ZodMiniObject>(kind: keyof typeof unitRecordSchemas, schema: S) {
  const items = await queryAll({ index: 'GSI1', partition: keys.unitCollection(kind), attributes: fieldsOf(schema) });
  return items.map((item) => parseStored(schema, item).value);
}

/** An official as the cycle reads one: their name on the attendee lists. */
const officialName = z.looseObject({ id: z.string(), name: z.string() });

/** Zones, communes, cells, official names and the calendar, read in parallel. */
export async function loadDistrict(): Promise<DistrictData> {
  const [zones, communes, cells, officials, calendar] = await Promise.all([
    collection('zone', unitRecordSchemas.zone),
    collection('commune', unitRecordSchemas.commune),
    collection('cell', unitRecordSchemas.cell),
    collection('official', officialName),
    loadCalendar(),
  ]);
  return {
    zones: zones.sort(byNaturalId),
    communes: communes.sort(byNaturalId),
    cells: cells.sort(byNaturalId),
    officialNames: new Map(officials.map((o) => [o.id, o.name])),
    calendar,
  };
}

/** Every zone, in natural order. */
export async function loadZones(): Promise<Zone[]> {
  return (await collection('zone', unitRecordSchemas.zone)).sort(byNaturalId);
}

/** The district calendar with its defaults (no holidays when it was never imported). */
export async function loadCalendar(): Promise<DistrictCalendar> {
  return districtCalendarOf((await getStored(calendarRecordSchema, keys.calendar()))?.value);
}

/** The communes of a zone, in natural order. */
export async function zoneCommunes(zoneId: string): Promise<Commune[]> {
  const items = await queryAll({ index: 'GSI2', partition: keys.childrenOf('zone', zoneId) });
  return items.map((item) => parseStored(unitRecordSchemas.commune, item).value).sort(byNaturalId);
}

/** Every assignment of the district, in one query of their collection: each names its zone, if any. */
export async function districtAssignments(): Promise<ZoneAssignment[]> {
  const items = await queryAll({
    index: 'GSI1',
    partition: keys.assignmentCollection,
    attributes: fieldsOf(zoneAssignmentSchema),
  });
  return items.map((item) => parseStored(zoneAssignmentSchema, item).value);
}

/** A zone or commune by id; 404 `<kind>_not_found` when there is none. */
export async function requireUnit<K extends 'zone' | 'commune'>(
  kind: K,
  id: string,
): Promise<K extends 'zone' ? Zone : Commune> {
  const schema: StoredSchema<Zone | Commune> = unitRecordSchemas[kind];
  const found = await getStored(schema, keys.unit(kind, id));
  if (!found) throw new NotFoundError(`Không có ${kind === 'zone' ? 'khu' : 'xã'} "${id}".`, `${kind}_not_found`);
  return found.value as K extends 'zone' ? Zone : Commune;
}
