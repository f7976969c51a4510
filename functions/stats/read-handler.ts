import { routeHandler } from '../../shared/http/route-handler';
import { resolveCaller } from '../../shared/services/structure/callers';
import { statsReadOperations } from './read-operations';
import { statsRoutes } from './routes';

export const handler = routeHandler(statsRoutes, 'statsRead', statsReadOperations, resolveCaller);
