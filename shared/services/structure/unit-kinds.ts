/**
 * The five kinds of structure unit, described as data: the generic reads and writes
 * (`read-operations.ts`, `unit-writes.ts`) serve every kind from these descriptors, so a rule such as
 * "a zone with communes cannot be removed" is one entry here rather than one handler per kind.
 */
import type * as z from 'zod/mini';
import { type IndexKeys, type ItemKey, keys, type StructureKind } from '../../db/keys';
import { type AppError, ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import { idSchema } from '../../domain/schema-kit';
import {
  cellSchema,
  communeSchema,
  departmentSchema,
  officialSchema,
  zoneSchema,
} from '../../domain/structure/entities';
import { findRecord, type StoredRecord } from './structure-queries';
import { type UnitTypes, unitKeys } from './unit-items';
import type { PlanReference, Reference } from './unit-references';

/** A field whose value no two units may share, kept unique by a reservation item per value. */
export interface UniqueField {
  readonly field: string;
  key(value: string): ItemKey;
  /** The reservation item's content: which unit holds the value. */
  owner(id: string): Record<string, string>;
  taken(value: string): AppError;
}

/** A kind's schema: a strict object with a string `id` (the route's body and reply schema too). */
export type UnitSchema = z.ZodMiniObject<z.core.$ZodShape, z.core.$strict> & z.ZodMiniType<{ id: string }>;

/** A unit of the kind whose schema is `S`, as its schema gives it. */
export type UnitOf<S extends UnitSchema> = S['_zod']['output'];

export interface UnitKind<S extends UnitSchema = UnitSchema> {
  readonly kind: StructureKind;
  /** The route table's collection (`/zones`, operations `zones.*`). */
  readonly collection: string;
  readonly idParam: string;
  /** Vietnamese noun used in messages. */
  readonly label: string;
  readonly schema: S;
  /** The unit this one belongs to; the field is fixed at creation (moves go through the structure import). */
  readonly parent?: { readonly field: string; readonly kind: 'zone' | 'commune' };
  /** The 409 that refuses a removal while anything still refers to the unit (see `unit-references.ts`). */
  readonly referenced: (reference: Reference, id: string) => AppError;
  readonly unique?: UniqueField;
  /** Fields only structure editors may read (an official's account subject). */
  readonly privateFields?: readonly string[];
  /** Callers are resolved from units of this kind, so a change must clear the caller cache. */
  readonly definesCallers?: boolean;
}

/** The 409 for an account subject another official already signs in with. */
export function subjectTaken(subject: string): ConflictError {
  return new ConflictError('subject_taken', `Tài khoản "${subject}" đã gắn với cán bộ khác.`);
}

/** The 409s for a zone or commune a rotation plan or a hosting wish still names (history: they are never removed). */
const plannedUnit: Record<PlanReference, (label: string, id: string) => AppError> = {
  rotations: (label, id) =>
    new ConflictError('unit_in_rotation', `${label} "${id}" có trong kế hoạch luân phiên đăng cai nên không thể xoá.`),
  hostingWishes: (label, id) =>
    new ConflictError('unit_has_hosting_wishes', `${label} "${id}" đã đăng ký đăng cai nên không thể xoá.`),
};

function assignedUnit(label: string, children?: (id: string) => AppError): UnitKind['referenced'] {
  return (reference, id) => {
    if (reference === 'children' && children) return children(id);
    if (reference === 'rotations' || reference === 'hostingWishes') return plannedUnit[reference](label, id);
    return new ConflictError(
      'unit_has_assignments',
      `${label} "${id}" vẫn còn cán bộ được phân công; hãy kết thúc các phân công trước.`,
    );
  };
}

const zoneKind: UnitKind<typeof zoneSchema> = {
  kind: 'zone',
  collection: 'zones',
  idParam: 'zoneId',
  label: 'Khu',
  schema: zoneSchema,
  referenced: assignedUnit(
    'Khu',
    (id) =>
      new ConflictError('zone_has_communes', `Khu "${id}" vẫn còn xã, thị trấn; hãy chuyển hoặc xoá chúng trước.`),
  ),
};

const communeKind: UnitKind<typeof communeSchema> = {
  kind: 'commune',
  collection: 'communes',
  idParam: 'communeId',
  label: 'Xã, thị trấn',
  schema: communeSchema,
  parent: { field: 'zoneId', kind: 'zone' },
  referenced: assignedUnit(
    'Xã, thị trấn',
    (id) => new ConflictError('commune_has_cells', `Xã "${id}" vẫn còn chi bộ; hãy chuyển hoặc xoá chúng trước.`),
  ),
};

const cellKind: UnitKind<typeof cellSchema> = {
  kind: 'cell',
  collection: 'cells',
  idParam: 'cellId',
  label: 'Chi bộ',
  schema: cellSchema,
  parent: { field: 'communeId', kind: 'commune' },
  referenced: assignedUnit('Chi bộ'),
};

const departmentKind: UnitKind<typeof departmentSchema> = {
  kind: 'department',
  collection: 'departments',
  idParam: 'departmentId',
  label: 'Ban, ngành',
  schema: departmentSchema,
  referenced: assignedUnit('Ban, ngành'),
};

const officialKind: UnitKind<typeof officialSchema> = {
  kind: 'official',
  collection: 'officials',
  idParam: 'officialId',
  label: 'Cán bộ',
  schema: officialSchema,
  referenced: (_reference, id) =>
    new ConflictError(
      'official_has_assignments',
      `Cán bộ "${id}" vẫn còn phân công; hãy kết thúc các phân công trước.`,
    ),
  unique: {
    field: 'subject',
    key: keys.subject,
    owner: (id) => ({ officialId: id }),
    taken: subjectTaken,
  },
  privateFields: ['subject'],
  definesCallers: true,
};

/** The descriptors by kind, each typed by its schema. */
const descriptors = {
  zone: zoneKind,
  commune: communeKind,
  cell: cellKind,
  department: departmentKind,
  official: officialKind,
};

export const unitKinds: readonly UnitKind[] = Object.values(descriptors);

/** The descriptor of a kind. */
export function unitKind<K extends StructureKind>(kind: K): (typeof descriptors)[K] {
  return descriptors[kind];
}

/** Reads a unit; 404 with `<kind>_not_found` when there is none (or the id cannot be one). */
export async function loadUnit<S extends UnitSchema>(
  descriptor: UnitKind<S>,
  id: string,
): Promise<StoredRecord<UnitOf<S>>> {
  const found = idSchema.safeParse(id).success
    ? await findRecord(descriptor.schema, keys.unit(descriptor.kind, id))
    : undefined;
  if (!found) throw new NotFoundError(`${descriptor.label} "${id}" không tồn tại.`, `${descriptor.kind}_not_found`);
  return found;
}

/** Keys and index entries of a unit value checked by the descriptor's schema. */
export function keysOfUnit(descriptor: UnitKind, unit: Record<string, unknown>): ItemKey & IndexKeys {
  return unitKeys(descriptor.kind, unit as unknown as UnitTypes[StructureKind]);
}

/** The 400 for a body field naming a unit that does not exist. */
export function unknownReference(path: string, kind: StructureKind, id: string): ValidationError {
  return new ValidationError([
    { path, code: 'unknown_reference', message: `Không tìm thấy ${unitKind(kind).label.toLowerCase()} có mã "${id}"` },
  ]);
}
