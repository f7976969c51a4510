/** The district structure's routes: units, officials, assignments, the calendar, the import and the audit trail. */
import * as z from 'zod/mini';
import { importJobIdSchema, importJobView, MAX_SYNC_TRANSACTIONS } from '../../shared/domain/imports/import-job';
import { idSchema, mergePatchOf, pathIdSchema } from '../../shared/domain/schema-kit';
import {
  assignmentInputSchema,
  cellSchema,
  communeSchema,
  departmentSchema,
  officialSchema,
  zoneSchema,
} from '../../shared/domain/structure/entities';
import { roles } from '../../shared/domain/structure/roles';
import {
  assignmentPageView,
  assignmentView,
  auditPageView,
  calendarView,
  cellPageView,
  cellView,
  communePageView,
  communeView,
  departmentPageView,
  departmentView,
  importSummaryView,
  meView,
  officialPageView,
  officialView,
  zonePageView,
  zoneView,
} from '../../shared/domain/structure/structure-views';
import { allow, SIGNED_IN } from '../../shared/http/access-rules';
import { defineRoutes, type ParameterSchema } from '../../shared/http/contract';
import { pageQuery } from '../../shared/http/page-query';

const tag = 'Cơ cấu tổ chức';
const STRUCTURE_EDITORS = allow(['office', 'district-admin']);

type UnitSchema = z.ZodMiniObject<z.core.$ZodShape, z.core.$strict>;

interface UnitCollection<C extends string, P extends string, S extends UnitSchema, Q extends ParameterSchema> {
  readonly collection: C;
  readonly idParam: P;
  readonly label: string;
  /** The body of a creation; named, it is also the reply (`view`). */
  readonly schema: S;
  readonly view: S;
  readonly page: z.ZodMiniType;
  readonly listQuery: Q;
  readonly conflicts: readonly string[];
}

/** The five CRUD routes of one structure collection; the operations are named `<collection>.<verb>`. */
function unitRoutes<const C extends string, const P extends string, S extends UnitSchema, Q extends ParameterSchema>(
  unit: UnitCollection<C, P, S, Q>,
) {
  const { collection, idParam, label } = unit;
  // A computed key types as any string; the object has exactly the key `idParam`.
  const path = z.strictObject({ [idParam]: pathIdSchema } as Record<P, typeof pathIdSchema>);
  const item = `/${collection}/{${idParam}}` as const;
  const notFound = { 404: [`${collection.replace(/s$/, '')}_not_found`] };
  return [
    {
      method: 'GET',
      path: `/${collection}`,
      fn: 'structureRead',
      operation: `${collection}.list`,
      access: SIGNED_IN,
      tag,
      summary: `List ${label}`,
      request: { query: unit.listQuery },
      response: { status: 200, description: `A page of ${label}`, body: unit.page },
    },
    {
      method: 'GET',
      path: item,
      fn: 'structureRead',
      operation: `${collection}.get`,
      access: SIGNED_IN,
      tag,
      summary: `Get one ${label}`,
      request: { path },
      response: { status: 200, description: label, body: unit.view, etag: true },
      problems: notFound,
    },
    {
      method: 'POST',
      path: `/${collection}`,
      fn: 'structureWrite',
      operation: `${collection}.create`,
      access: STRUCTURE_EDITORS,
      tag,
      summary: `Create ${label}`,
      request: { body: unit.schema, idempotent: true },
      response: { status: 201, description: `The new ${label}`, body: unit.view, etag: true },
      problems: { 400: ['unknown_reference'], 409: ['already_exists', ...unit.conflicts] },
    },
    {
      method: 'PATCH',
      path: item,
      fn: 'structureWrite',
      operation: `${collection}.update`,
      access: STRUCTURE_EDITORS,
      tag,
      summary: `Change ${label} (JSON Merge Patch)`,
      request: { path, body: mergePatchOf(unit.schema), ifMatch: true },
      response: { status: 200, description: `The ${label} after the change`, body: unit.view, etag: true },
      problems: { ...notFound, 409: ['parent_immutable', ...unit.conflicts] },
    },
    {
      method: 'DELETE',
      path: item,
      fn: 'structureWrite',
      operation: `${collection}.delete`,
      access: STRUCTURE_EDITORS,
      tag,
      summary: `Remove ${label}`,
      request: { path, ifMatch: true },
      response: { status: 204, description: 'Removed' },
      problems: { ...notFound, 409: ['unit_has_history', 'unit_has_assignments', ...unit.conflicts] },
    },
  ] as const;
}

const plainList = z.strictObject(pageQuery);

export const structureRoutes = defineRoutes([
  {
    method: 'GET',
    path: '/me',
    fn: 'structureRead',
    operation: 'me',
    access: SIGNED_IN,
    tag,
    summary: 'The caller and their assignments',
    request: {},
    response: { status: 200, description: 'The caller', body: meView },
  },
  ...unitRoutes({
    collection: 'zones',
    idParam: 'zoneId',
    label: 'zone',
    schema: zoneSchema,
    view: zoneView,
    page: zonePageView,
    listQuery: plainList,
    conflicts: ['zone_has_communes', 'unit_in_rotation', 'unit_has_hosting_wishes'],
  }),
  ...unitRoutes({
    collection: 'communes',
    idParam: 'communeId',
    label: 'commune',
    schema: communeSchema,
    view: communeView,
    page: communePageView,
    listQuery: z.strictObject({ ...pageQuery, zoneId: z.optional(idSchema) }),
    conflicts: ['commune_has_cells', 'unit_in_rotation', 'unit_has_hosting_wishes'],
  }),
  ...unitRoutes({
    collection: 'cells',
    idParam: 'cellId',
    label: 'party cell',
    schema: cellSchema,
    view: cellView,
    page: cellPageView,
    listQuery: z.strictObject({ ...pageQuery, communeId: z.optional(idSchema) }),
    conflicts: [],
  }),
  ...unitRoutes({
    collection: 'departments',
    idParam: 'departmentId',
    label: 'department',
    schema: departmentSchema,
    view: departmentView,
    page: departmentPageView,
    listQuery: plainList,
    conflicts: [],
  }),
  ...unitRoutes({
    collection: 'officials',
    idParam: 'officialId',
    label: 'official',
    schema: officialSchema,
    view: officialView,
    page: officialPageView,
    listQuery: plainList,
    conflicts: ['subject_taken', 'official_has_assignments'],
  }),
  {
    method: 'GET',
    path: '/assignments',
    fn: 'structureRead',
    operation: 'assignments.list',
    access: SIGNED_IN,
    tag,
    summary: 'List assignments',
    description: 'Filter by one of `officialId`, `role` (optionally with `scopeId`) or `zoneId`.',
    request: {
      query: z.strictObject({
        ...pageQuery,
        officialId: z.optional(idSchema),
        role: z.optional(z.enum(roles)),
        scopeId: z.optional(idSchema),
        zoneId: z.optional(idSchema),
      }),
    },
    response: { status: 200, description: 'A page of assignments', body: assignmentPageView },
    problems: { 400: ['conflicting_filters', 'requires_role'] },
  },
  {
    method: 'GET',
    path: '/assignments/{assignmentId}',
    fn: 'structureRead',
    operation: 'assignments.get',
    access: SIGNED_IN,
    tag,
    summary: 'Get one assignment',
    request: { path: z.strictObject({ assignmentId: pathIdSchema }) },
    response: { status: 200, description: 'The assignment', body: assignmentView, etag: true },
    problems: { 404: ['assignment_not_found'] },
  },
  {
    method: 'POST',
    path: '/assignments',
    fn: 'structureWrite',
    operation: 'assignments.create',
    access: STRUCTURE_EDITORS,
    tag,
    summary: 'Assign a role',
    request: { body: assignmentInputSchema, idempotent: true },
    response: {
      status: 201,
      description: 'The assignment with the units it reaches',
      body: assignmentView,
      etag: true,
    },
    problems: { 400: ['unknown_reference', 'missing_scope', 'unexpected_scope'], 409: ['already_exists'] },
  },
  {
    method: 'DELETE',
    path: '/assignments/{assignmentId}',
    fn: 'structureWrite',
    operation: 'assignments.delete',
    access: STRUCTURE_EDITORS,
    tag,
    summary: 'End an assignment',
    request: { path: z.strictObject({ assignmentId: pathIdSchema }), ifMatch: true },
    response: { status: 204, description: 'Ended' },
    problems: { 404: ['assignment_not_found'] },
  },
  {
    method: 'GET',
    path: '/calendar',
    fn: 'structureRead',
    operation: 'calendar.get',
    access: SIGNED_IN,
    tag,
    summary: 'The district calendar (holidays)',
    request: {},
    response: { status: 200, description: 'The calendar', body: calendarView, etag: true },
    problems: { 404: ['calendar_not_found'] },
  },
  {
    method: 'PUT',
    path: '/structure',
    fn: 'structureWrite',
    operation: 'structure.import',
    access: STRUCTURE_EDITORS,
    tag,
    summary: 'Import a whole district config file',
    description: `Checked in full before the first write; the same file twice changes nothing. The file is the district config (\`infra/districts/*.json\`). A file needing more than ${MAX_SYNC_TRANSACTIONS} transactions (roughly 2,500 new records: each is two of a transaction's 100 actions; a 60-zone district imported into an empty table needs 34) is accepted as a job instead (202, \`Location\` names it, \`summary\` says what it will change); while one runs, another import is refused (409 \`structure_import_running\`).`,
    request: { body: z.record(z.string(), z.unknown()) },
    response: {
      status: 200,
      description: 'What the import changed',
      body: importSummaryView,
      accepted: { description: 'The accepted job, for a large file; `Location` names it', body: importJobView },
    },
    problems: {
      400: ['other_district', 'unknown_reference'],
      409: ['unit_has_history', 'unit_in_rotation', 'structure_import_running'],
    },
    maxBodyBytes: 5 * 1024 * 1024,
  },
  {
    method: 'GET',
    path: '/structure/imports/{jobId}',
    fn: 'structureRead',
    operation: 'structure.importJob',
    access: STRUCTURE_EDITORS,
    tag,
    summary: 'A structure import job: accepted, running, completed or failed (with why)',
    request: { path: z.strictObject({ jobId: importJobIdSchema }) },
    response: { status: 200, description: 'The job', body: importJobView },
    problems: { 404: ['import_job_not_found'] },
  },
  {
    method: 'GET',
    path: '/audit',
    fn: 'structureRead',
    operation: 'audit.list',
    access: allow(['office', 'district-admin']),
    tag,
    summary: 'Audit trail of one entity, newest first',
    request: {
      query: z.strictObject({
        ...pageQuery,
        entity: z
          .string()
          .check(
            z.regex(
              /^[a-z][a-z-]{0,39}:[A-Za-z0-9._~-]{1,200}$/,
              'Cần dạng <loại>:<mã>, ví dụ zone:khu-1 hoặc assignment:<mã>',
            ),
          ),
      }),
    },
    response: { status: 200, description: 'A page of audit records', body: auditPageView },
  },
]);
