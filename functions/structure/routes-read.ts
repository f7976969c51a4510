/** The district structure's read routes: the caller, units, assignments, the calendar, import jobs, the audit trail. */
import * as z from 'zod/mini';
import { importJobIdSchema, importJobView } from '../../shared/domain/imports/import-job';
import { idSchema, pathIdSchema } from '../../shared/domain/schema-kit';
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
  meView,
  officialPageView,
  officialView,
  zonePageView,
  zoneView,
} from '../../shared/domain/structure/structure-views';
import { allow, SIGNED_IN } from '../../shared/http/access-rules';
import { defineRoutes, type ParameterSchema } from '../../shared/http/contract';
import { pageQuery } from '../../shared/http/page-query';
import {
  cells,
  communes,
  departments,
  officials,
  STRUCTURE_EDITORS,
  tag,
  type UnitCollection,
  unitNotFound,
  unitPath,
  zones,
} from './route-parts';

interface UnitReads<C extends string, P extends string, Q extends ParameterSchema> extends UnitCollection<C, P> {
  readonly view: z.ZodMiniType;
  readonly page: z.ZodMiniType;
  readonly listQuery: Q;
}

/** The two read routes of one structure collection; the operations are named `<collection>.list` and `.get`. */
function unitReadRoutes<const C extends string, const P extends string, Q extends ParameterSchema>(
  unit: UnitReads<C, P, Q>,
) {
  const { collection, label } = unit;
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
      path: `/${collection}/{${unit.idParam}}`,
      fn: 'structureRead',
      operation: `${collection}.get`,
      access: SIGNED_IN,
      tag,
      summary: `Get one ${label}`,
      request: { path: unitPath(unit) },
      response: { status: 200, description: label, body: unit.view, etag: true },
      problems: unitNotFound(unit),
    },
  ] as const;
}

const plainList = z.strictObject(pageQuery);

/** The routes structureRead serves. */
export const structureReadRoutes = defineRoutes([
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
  ...unitReadRoutes({ ...zones, view: zoneView, page: zonePageView, listQuery: plainList }),
  ...unitReadRoutes({
    ...communes,
    view: communeView,
    page: communePageView,
    listQuery: z.strictObject({ ...pageQuery, zoneId: z.optional(idSchema) }),
  }),
  ...unitReadRoutes({
    ...cells,
    view: cellView,
    page: cellPageView,
    listQuery: z.strictObject({ ...pageQuery, communeId: z.optional(idSchema) }),
  }),
  ...unitReadRoutes({ ...departments, view: departmentView, page: departmentPageView, listQuery: plainList }),
  ...unitReadRoutes({ ...officials, view: officialView, page: officialPageView, listQuery: plainList }),
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
