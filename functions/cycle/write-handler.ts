import { routeHandler } from '../../shared/http/route-handler';
import { cycleWriteOperations } from '../../shared/services/cycle/write-operations';

export const handler = routeHandler('cycleWrite', cycleWriteOperations);
