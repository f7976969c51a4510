/**
 * How each structure record is stored: its keys and indexes. Import, the CRUD operations and
 * the readers all build items here, so a record is laid out the same way whichever path wrote it.
 */

import { type IndexKeys, type ItemKey, keys, type StructureKind } from '../../db/keys';
import type { Assignment, Cell, Commune, Department, Official, Zone } from '../../domain/structure/entities';
import { scopeOfRole } from '../../domain/structure/roles';

export interface UnitTypes {
  zone: Zone;
  commune: Commune;
  cell: Cell;
  department: Department;
  official: Official;
}

export type StoredItem = ItemKey & IndexKeys & Record<string, unknown>;

/** Keys and index entries of a structure unit. */
export function unitKeys<K extends StructureKind>(kind: K, unit: UnitTypes[K]): ItemKey & IndexKeys {
  const base = { ...keys.unit(kind, unit.id), GSI1PK: keys.unitCollection(kind), GSI1SK: unit.id };
  if (kind === 'commune')
    return { ...base, GSI2PK: keys.childrenOf('zone', (unit as Commune).zoneId), GSI2SK: unit.id };
  if (kind === 'cell')
    return { ...base, GSI2PK: keys.childrenOf('commune', (unit as Cell).communeId), GSI2SK: unit.id };
  return base;
}

/** The units an assignment reaches, so access checks and attendee lists need no further reads. */
export interface AssignmentReach {
  readonly zoneId?: string;
  readonly communeId?: string;
  readonly cellId?: string;
  readonly departmentId?: string;
}

/**
 * Works out an assignment's reach from the structure.
 * @param communeZone zone of each commune; @param cellCommune commune of each cell.
 */
export function reachOf(
  assignment: Pick<Assignment, 'role' | 'scopeId'>,
  communeZone: (communeId: string) => string | undefined,
  cellCommune: (cellId: string) => string | undefined,
): AssignmentReach {
  const scope = scopeOfRole(assignment.role);
  const id = assignment.scopeId;
  if (scope === null || id === undefined) return {};
  switch (scope) {
    case 'zone':
      return { zoneId: id };
    case 'commune':
      return { zoneId: communeZone(id), communeId: id };
    case 'cell': {
      const communeId = cellCommune(id);
      return { zoneId: communeId ? communeZone(communeId) : undefined, communeId, cellId: id };
    }
    case 'department':
      return { departmentId: id };
  }
}

/** Keys and index entries of an assignment: in its official's partition, by role on GSI1, by zone on GSI2. */
export function assignmentKeys(assignment: Assignment, reach: AssignmentReach): ItemKey & IndexKeys {
  const sortKey = keys.assignmentSortKey(assignment.role, assignment.scopeId, assignment.officialId);
  const base = {
    ...keys.assignment(assignment.officialId, assignment.id),
    GSI1PK: keys.assignmentCollection,
    GSI1SK: sortKey,
  };
  return reach.zoneId ? { ...base, GSI2PK: keys.zoneAssignments(reach.zoneId), GSI2SK: sortKey } : base;
}
