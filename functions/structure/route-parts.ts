/** What both halves of the structure's route table share: its tag, editors and collections. */
import * as z from 'zod/mini';
import { pathIdSchema } from '../../shared/domain/schema-kit';
import { allow } from '../../shared/http/access-rules';

export const tag = 'Cơ cấu tổ chức';
export const STRUCTURE_EDITORS = allow(['office', 'district-admin']);

/** A structure collection: its path segment, its id's path parameter and what one of it is called. */
export interface UnitCollection<C extends string = string, P extends string = string> {
  readonly collection: C;
  readonly idParam: P;
  readonly label: string;
}

export const zones = { collection: 'zones', idParam: 'zoneId', label: 'zone' } as const;
export const communes = { collection: 'communes', idParam: 'communeId', label: 'commune' } as const;
export const cells = { collection: 'cells', idParam: 'cellId', label: 'party cell' } as const;
export const departments = { collection: 'departments', idParam: 'departmentId', label: 'department' } as const;
export const officials = { collection: 'officials', idParam: 'officialId', label: 'official' } as const;

/** The path of one unit of a collection, with its id parameter. */
export function unitPath<const P extends string>(unit: UnitCollection<string, P>) {
  // A computed key types as any string; the object has exactly the key `idParam`.
  return z.strictObject({ [unit.idParam]: pathIdSchema } as Record<P, typeof pathIdSchema>);
}

/** What a unit's routes answer when it does not exist. */
export function unitNotFound(unit: UnitCollection) {
  return { 404: [`${unit.collection.replace(/s$/, '')}_not_found`] };
}
