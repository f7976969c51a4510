/** Reads of the district structure, the caller (`GET /me`) and the audit trail. */
import { routeHandler } from '../../shared/http/route-handler';
import { structureReadOperations } from '../../shared/services/structure/read-operations';

export const handler = routeHandler('structureRead', structureReadOperations);
