/** The `structureWrite` operations: unit and assignment changes, and the whole-district import. */
import * as z from 'zod/mini';
import { config } from '../../config';
import { ValidationError } from '../../domain/errors';
import { forgetCallers } from '../../http/caller';
import { json, type Operations, type RequestContext } from '../../http/route-handler';
import { assignmentWriteOperations } from './assignment-writes';
import { importStructure, parseDistrictConfig } from './import-structure';
import { unitKinds } from './unit-kinds';
import { actorOf, unitWriteOperations } from './unit-writes';

/**
 * `PUT /structure`: the file must describe this deployment's district (importing another
 * district's file would replace this one's structure); a bad file is one 400 and writes nothing.
 */
async function importDistrict(context: RequestContext) {
  const file = parseDistrictConfig(context.body(z.unknown()));
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
  const summary = await importStructure(file, actorOf(context));
  forgetCallers();
  return json(summary);
}

export const structureWriteOperations: Operations = {
  ...Object.assign({}, ...unitKinds.map(unitWriteOperations)),
  ...assignmentWriteOperations,
  'structure.import': importDistrict,
};
