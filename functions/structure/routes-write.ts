/** The district structure's write routes: units, assignments and the import of a whole district. */
import * as z from 'zod/mini';
import { importJobView, MAX_SYNC_TRANSACTIONS } from '../../shared/domain/imports/import-job';
import { lazy, mergePatchOf, pathIdSchema } from '../../shared/domain/schema-kit';
import {
  assignmentInputSchema,
  cellSchema,
  communeSchema,
  departmentSchema,
  officialSchema,
  zoneSchema,
} from '../../shared/domain/structure/entities';
import {
  assignmentView,
  cellView,
  communeView,
  departmentView,
  importSummaryView,
  officialView,
  zoneView,
} from '../../shared/domain/structure/structure-views';
import { defineRoutes } from '../../shared/http/contract';
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

type UnitSchema = z.ZodMiniObject<z.core.$ZodShape, z.core.$strict>;

interface UnitWrites<C extends string, P extends string, S extends UnitSchema> extends UnitCollection<C, P> {
  /** The body of a creation; named, it is also the reply (`view`). */
  readonly schema: S;
  readonly view: S;
  readonly conflicts: readonly string[];
}

/** The three write routes of one structure collection; the operations are named `<collection>.<verb>`. */
function unitWriteRoutes<const C extends string, const P extends string, S extends UnitSchema>(
  unit: UnitWrites<C, P, S>,
) {
  const { collection, label } = unit;
  const path = unitPath(unit);
  const item = `/${collection}/{${unit.idParam}}` as const;
  const notFound = unitNotFound(unit);
  return [
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
      request: { path, body: lazy(() => mergePatchOf(unit.schema)), ifMatch: true },
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

/** The routes structureWrite serves. */
export const structureWriteRoutes = defineRoutes([
  ...unitWriteRoutes({
    ...zones,
    schema: zoneSchema,
    view: zoneView,
    conflicts: ['zone_has_communes', 'unit_in_rotation', 'unit_has_hosting_wishes'],
  }),
  ...unitWriteRoutes({
    ...communes,
    schema: communeSchema,
    view: communeView,
    conflicts: ['commune_has_cells', 'unit_in_rotation', 'unit_has_hosting_wishes'],
  }),
  ...unitWriteRoutes({ ...cells, schema: cellSchema, view: cellView, conflicts: [] }),
  ...unitWriteRoutes({ ...departments, schema: departmentSchema, view: departmentView, conflicts: [] }),
  ...unitWriteRoutes({
    ...officials,
    schema: officialSchema,
    view: officialView,
    conflicts: ['subject_taken', 'official_has_assignments'],
  }),
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
]);
