/**
 * The `structureRead` operations: lists and single reads of the district structure, the caller
 * (`GET /me`) and an entity's audit trail. Every list is one Query with an opaque cursor.
 */
import * as z from 'zod/mini';
import { keys } from '../../db/keys';
import { type QuerySpec, queryPage, toStored } from '../../db/store';
import { NotFoundError, ValidationError } from '../../domain/errors';
import { idSchema } from '../../domain/schema-kit';
import { roles } from '../../domain/structure/roles';
import { Access } from '../../http/access';
import { allow } from '../../http/access-rules';
import { pageQuery, pageReply } from '../../http/page-query';
import { json, type Operations, type RequestContext } from '../../http/route-handler';
import { findRecord, loadAssignment } from './structure-queries';
import { loadUnit, type UnitKind, unitKinds } from './unit-kinds';

/** Who may read fields a descriptor marks private (an official's account subject). */
const PRIVATE_FIELD_READERS = allow(['office', 'district-admin']);

/** How this caller may see units of a kind: whole, or without the kind's private fields. */
function presenter(
  descriptor: UnitKind,
  context: RequestContext,
): (value: Record<string, unknown>) => Record<string, unknown> {
  const hidden = descriptor.privateFields;
  if (!hidden || new Access(PRIVATE_FIELD_READERS, context.caller).unrestricted) return (value) => value;
  return (value) => {
    const visible = { ...value };
    for (const field of hidden) delete visible[field];
    return visible;
  };
}

/** Every unit of a kind, or (for communes and cells) the children of `?zoneId=` / `?communeId=`. */
function listUnits(descriptor: UnitKind) {
  const parent = descriptor.parent;
  const parentFilter: Record<string, z.ZodMiniOptional<typeof idSchema>> = parent
    ? { [parent.field]: z.optional(idSchema) }
    : {};
  const schema = z.strictObject({ ...pageQuery, ...parentFilter });
  return async (context: RequestContext) => {
    const { limit, cursor, ...filters } = context.query(schema);
    const parentId = parent ? (filters as Record<string, string | undefined>)[parent.field] : undefined;
    const source: Omit<QuerySpec, 'limit' | 'cursor'> =
      parent && parentId !== undefined
        ? { index: 'GSI2', partition: keys.childrenOf(parent.kind, parentId) }
        : { index: 'GSI1', partition: keys.unitCollection(descriptor.kind) };
    const page = await queryPage({ ...source, limit, cursor });
    const present = presenter(descriptor, context);
    return json(pageReply(page, (item) => present(toValue(item))));
  };
}

function getUnit(descriptor: UnitKind) {
  return async (context: RequestContext) => {
    const unit = await loadUnit(descriptor, context.path(descriptor.idParam));
    return json(presenter(descriptor, context)(unit.value), unit.version);
  };
}

/** A stored item's own fields, without keys and bookkeeping. */
function toValue(item: Record<string, unknown>): Record<string, unknown> {
  return toStored<Record<string, unknown>>(item).value;
}

const assignmentFilters = ['officialId', 'role', 'zoneId'] as const;

const assignmentListQuery = z.strictObject({
  ...pageQuery,
  officialId: z.optional(idSchema),
  role: z.optional(z.enum(roles)),
  scopeId: z.optional(idSchema),
  zoneId: z.optional(idSchema),
});

/** Which partition answers an assignment list: one official's, one role's (in one unit), one zone's, or all. */
function assignmentSource(query: z.infer<typeof assignmentListQuery>): Omit<QuerySpec, 'limit' | 'cursor'> {
  const used = assignmentFilters.filter((filter) => query[filter] !== undefined);
  if (used.length > 1) {
    throw new ValidationError([
      {
        path: `/query/${used[1]}`,
        code: 'conflicting_filters',
        message: 'Chỉ lọc theo một trong officialId, role, zoneId',
      },
    ]);
  }
  if (query.scopeId !== undefined && query.role === undefined) {
    throw new ValidationError([
      { path: '/query/scopeId', code: 'requires_role', message: 'Lọc theo scopeId cần kèm role' },
    ]);
  }
  if (query.officialId !== undefined) {
    return { partition: keys.officialPartition(query.officialId), prefix: keys.assignmentPrefix };
  }
  if (query.zoneId !== undefined) return { index: 'GSI2', partition: keys.zoneAssignments(query.zoneId) };
  const prefix = query.role === undefined ? undefined : keys.assignmentSortPrefix(query.role, query.scopeId);
  return { index: 'GSI1', partition: keys.assignmentCollection, prefix };
}

const auditQuery = z.strictObject({
  ...pageQuery,
  entity: z
    .string()
    .check(
      z.regex(
        /^[a-z][a-z-]{0,39}:[A-Za-z0-9._~-]{1,200}$/,
        'Cần dạng <loại>:<mã>, ví dụ zone:khu-1 hoặc assignment:<mã>',
      ),
    ),
});

/** What an audit record shows; its keys stay inside. */
function auditEntry(item: Record<string, unknown>) {
  const { entity, action, actor, at, before, after, reason } = item;
  return { entity, action, actor, at, before, after, reason };
}

const unitReads: Operations = Object.fromEntries(
  unitKinds.flatMap((descriptor) => [
    [`${descriptor.collection}.list`, listUnits(descriptor)],
    [`${descriptor.collection}.get`, getUnit(descriptor)],
  ]),
);

export const structureReadOperations: Operations = {
  ...unitReads,

  'assignments.list': async (context) => {
    const query = context.query(assignmentListQuery);
    const page = await queryPage({ ...assignmentSource(query), limit: query.limit, cursor: query.cursor });
    return json(pageReply(page, toValue));
  },

  'assignments.get': async (context) => {
    const assignment = await loadAssignment(context.path('assignmentId'));
    return json(assignment.value, assignment.version);
  },

  'calendar.get': async () => {
    const calendar = await findRecord(keys.calendar());
    if (!calendar) throw new NotFoundError('Huyện chưa có lịch (ngày nghỉ).', 'calendar_not_found');
    return json(calendar.value, calendar.version);
  },

  me: async (context) => json({ official: context.caller.official, assignments: context.caller.assignments }),

  /** An entity's audit trail, newest first. */
  'audit.list': async (context) => {
    const { limit, cursor, entity } = context.query(auditQuery);
    const separator = entity.indexOf(':');
    const partition = keys.auditPartition(entity.slice(0, separator), entity.slice(separator + 1));
    const page = await queryPage({ partition, limit, cursor, descending: true });
    return json(pageReply(page, auditEntry));
  },
};
