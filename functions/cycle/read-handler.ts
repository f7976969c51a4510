import { routeHandler } from '../../shared/http/route-handler';
import { resolveCaller } from '../../shared/services/structure/callers';
import { cycleReadOperations } from './read-operations';
import { cycleReadRoutes } from './routes-read';

export const handler = routeHandler(cycleReadRoutes, 'cycleRead', cycleReadOperations, resolveCaller);
