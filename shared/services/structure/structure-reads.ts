/**
 * The structure's lists: units of a kind (or the children of a zone or commune), assignments by
 * one filter, an entity's audit trail. Every list is one Query with an opaque cursor; each value
 * read is checked against its schema before it leaves.
 */

import type * as z from 'zod/mini';
import { keys } from '../../db/keys';
import { type Page, parseStored, type QuerySpec, queryPage } from '../../db/store';
import { NotFoundError, ValidationError } from '../../domain/errors';
import { shapeOf } from '../../domain/schema-kit';
import { type Calendar, calendarSchema } from '../../domain/structure/entities';
import type { Role } from '../../domain/structure/roles';
import { assignmentView, auditEntryView } from '../../domain/structure/structure-views';
import { validate } from '../../domain/validation';
import { findRecord, loadAssignment } from './structure-queries';
import type { UnitKind, UnitOf, UnitSchema } from './unit-kinds';

type Source = Omit<QuerySpec, 'limit' | 'cursor'>;

async function pageOf<T>(
  source: Source,
  limit: number,
  cursor: string | undefined,
  read: (item: Record<string, unknown>) => T,
): Promise<Page<T>> {
  const page = await queryPage({ ...source, limit, cursor });
  const items = page.items.map(read);
  return page.nextCursor ? { items, nextCursor: page.nextCursor } : { items };
}

/**
 * A page of items read as `schema`'s fields only (a projection): the index keys and bookkeeping
 * stay in the table, so a page reads about what it sends. PK and SK are kept to name a malformed item.
 */
function schemaPage<S extends z.ZodMiniObject>(
  source: Source,
  schema: S,
  limit: number,
  cursor: string | undefined,
): Promise<Page<z.output<S>>> {
  const attributes = ['PK', 'SK', ...Object.keys(schema.shape)];
  return pageOf({ ...source, attributes }, limit, cursor, (item) => parseStored(schema, item).value);
}

/** Every unit of a kind, or the children of `parentId` (communes of a zone, cells of a commune). */
export function listUnits<S extends UnitSchema>(
  descriptor: UnitKind<S>,
  parentId: string | undefined,
  limit: number,
  cursor: string | undefined,
): Promise<Page<UnitOf<S>>> {
  const parent = descriptor.parent;
  const source: Source =
    parent && parentId !== undefined
      ? { index: 'GSI2', partition: keys.childrenOf(parent.kind, parentId) }
      : { index: 'GSI1', partition: keys.unitCollection(descriptor.kind) };
  return schemaPage(source, descriptor.schema, limit, cursor);
}

export interface AssignmentFilter {
  readonly officialId?: string;
  readonly role?: Role;
  readonly scopeId?: string;
  readonly zoneId?: string;
}

const assignmentFilters = ['officialId', 'role', 'zoneId'] as const;

/** Which partition answers an assignment list: one official's, one role's (in one unit), one zone's, or all. */
function assignmentSource(filter: AssignmentFilter): Source {
  const used = assignmentFilters.filter((name) => filter[name] !== undefined);
  if (used.length > 1) {
    throw new ValidationError([
      {
        path: `/query/${used[1]}`,
        code: 'conflicting_filters',
        message: 'Chỉ lọc theo một trong officialId, role, zoneId',
      },
    ]);
  }
  if (filter.scopeId !== undefined && filter.role === undefined) {
    throw new ValidationError([
      { path: '/query/scopeId', code: 'requires_role', message: 'Lọc theo scopeId cần kèm role' },
    ]);
  }
  if (filter.officialId !== undefined) {
    return { partition: keys.officialPartition(filter.officialId), prefix: keys.assignmentPrefix };
  }
  if (filter.zoneId !== undefined) return { index: 'GSI2', partition: keys.zoneAssignments(filter.zoneId) };
  const prefix = filter.role === undefined ? undefined : keys.assignmentSortPrefix(filter.role, filter.scopeId);
  return { index: 'GSI1', partition: keys.assignmentCollection, prefix };
}

export function listAssignments(filter: AssignmentFilter, limit: number, cursor: string | undefined) {
  return schemaPage(assignmentSource(filter), assignmentView, limit, cursor);
}

/** What an audit record shows; its keys stay inside. */
function auditEntry(item: Record<string, unknown>) {
  const { entity, action, actor, at, before, after, reason } = item;
  return validate(auditEntryView, JSON.parse(JSON.stringify({ entity, action, actor, at, before, after, reason })));
}

/** An entity's audit trail (`<type>:<id>`), newest first; only the fields an entry shows are read. */
export function listAudit(entity: string, limit: number, cursor: string | undefined) {
  const separator = entity.indexOf(':');
  const partition = keys.auditPartition(entity.slice(0, separator), entity.slice(separator + 1));
  const attributes = Object.keys(shapeOf(auditEntryView));
  return pageOf({ partition, descending: true, attributes }, limit, cursor, auditEntry);
}

export async function readCalendar(): Promise<{ value: Calendar; version: number }> {
  const calendar = await findRecord(calendarSchema, keys.calendar());
  if (!calendar) throw new NotFoundError('Huyện chưa có lịch (ngày nghỉ).', 'calendar_not_found');
  return calendar;
}

/** An assignment by id, with its version; 404 when there is none. */
export function readAssignment(assignmentId: string) {
  return loadAssignment(assignmentId);
}
