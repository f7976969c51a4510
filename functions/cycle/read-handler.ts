import { routeHandler } from '../../shared/http/route-handler';
import { resolveCaller } from '../../shared/services/structure/callers';
import { cycleReadOperations } from './read-operations';
import { cycleRoutes } from './routes';

export const handler = routeHandler(cycleRoutes, 'cycleRead', cycleReadOperations, resolveCaller);
