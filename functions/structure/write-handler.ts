/** Changes to the district structure: units, assignments and the whole-district import. */
import { routeHandler } from '../../shared/http/route-handler';
import { structureWriteOperations } from '../../shared/services/structure/write-operations';

export const handler = routeHandler('structureWrite', structureWriteOperations);
