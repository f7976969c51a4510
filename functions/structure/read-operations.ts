/**
 * The `structureRead` operations: lists and single reads of the district structure, the caller
 * (`GET /me`), an entity's audit trail and a structure import job.
 */
import { json, type OperationsOf } from '../../shared/http/contract';
import { readImportJob } from '../../shared/services/imports/import-job-reads';
import {
  listAssignments,
  listAudit,
  readAssignment,
  readCalendar,
} from '../../shared/services/structure/structure-reads';
import type { structureReadRoutes } from './routes-read';
import { cells, communes, departments, officials, zones } from './unit-operations';

type Operations = OperationsOf<typeof structureReadRoutes, 'structureRead'>;

export const structureReadOperations: Operations = {
  'zones.list': zones.list,
  'zones.get': zones.get,
  'communes.list': communes.list,
  'communes.get': communes.get,
  'cells.list': cells.list,
  'cells.get': cells.get,
  'departments.list': departments.list,
  'departments.get': departments.get,
  'officials.list': officials.list,
  'officials.get': officials.get,

  'assignments.list': async ({ query: { limit, cursor, ...filter } }) =>
    json(await listAssignments(filter, limit, cursor)),

  'assignments.get': async ({ path }) => {
    const assignment = await readAssignment(path.assignmentId);
    return json(assignment.value, assignment.version);
  },

  'calendar.get': async () => {
    const calendar = await readCalendar();
    return json(calendar.value, calendar.version);
  },

  me: async ({ caller }) => json({ official: caller.official, assignments: caller.assignments }),

  'audit.list': async ({ query: { limit, cursor, entity } }) => json(await listAudit(entity, limit, cursor)),

  'structure.importJob': async ({ path }) => {
    const { value, version } = await readImportJob(path.jobId, 'structure');
    return json(value, version);
  },
};
