import { routeHandler } from '../../shared/http/route-handler';
import { cycleReadOperations } from '../../shared/services/cycle/read-operations';

export const handler = routeHandler('cycleRead', cycleReadOperations);
