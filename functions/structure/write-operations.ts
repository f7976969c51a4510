/** The `structureWrite` operations: unit and assignment changes, and the whole-district import. */
import { config } from '../../shared/config';
import { ValidationError } from '../../shared/domain/errors';
import { actorOf, personOf } from '../../shared/http/actors';
import { json, type OperationsOf } from '../../shared/http/contract';
import { importStructureFile } from '../../shared/services/imports/import-jobs';
import { createAssignment, deleteAssignment } from '../../shared/services/structure/assignment-writes';
import { parseDistrictConfig } from '../../shared/services/structure/import-structure';
import type { structureRoutes } from './routes';
import { cells, communes, departments, officials, zones } from './unit-operations';

type Operations = OperationsOf<typeof structureRoutes, 'structureWrite'>;

export const structureWriteOperations: Operations = {
  'zones.create': zones.create,
  'zones.update': zones.update,
  'zones.delete': zones.remove,
  'communes.create': communes.create,
  'communes.update': communes.update,
  'communes.delete': communes.remove,
  'cells.create': cells.create,
  'cells.update': cells.update,
  'cells.delete': cells.remove,
  'departments.create': departments.create,
  'departments.update': departments.update,
  'departments.delete': departments.remove,
  'officials.create': officials.create,
  'officials.update': officials.update,
  'officials.delete': officials.remove,

  'assignments.create': async ({ body, caller }) => {
    const stored = await createAssignment(body, actorOf(caller));
    return { status: 201, body: stored, version: 1, headers: { location: `/assignments/${stored.id}` } };
  },

  'assignments.delete': async ({ path, expectedVersion, caller }) => {
    await deleteAssignment(path.assignmentId, expectedVersion, actorOf(caller));
    return { status: 204 };
  },

  /**
   * `PUT /structure`: the file must describe this deployment's district (importing another
   * district's file would replace this one's structure); a bad file is one 400 and writes nothing.
   * A file too large for the request is accepted as a job (202, `Location` names it).
   */
  'structure.import': async ({ body, caller }) => {
    const file = parseDistrictConfig(body);
    const districtId = config().DISTRICT_ID;
    if (file.district.id !== districtId) {
      throw new ValidationError([
        {
          path: '/district/id',
          code: 'other_district',
          message: `Tệp thuộc huyện "${file.district.id}", không phải "${districtId}"`,
        },
      ]);
    }
    const outcome = await importStructureFile(file, { actor: actorOf(caller), person: personOf(caller) });
    if ('job' in outcome) {
      return { ...json(outcome.job, undefined, 202), headers: { location: `/structure/imports/${outcome.job.id}` } };
    }
    return json(outcome.summary);
  },
};
