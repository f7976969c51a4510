import { routeHandler } from '../../shared/http/route-handler';
import { resolveCaller } from '../../shared/services/structure/callers';
import { structureReadOperations } from './read-operations';
import { structureRoutes } from './routes';

export const handler = routeHandler(structureRoutes, 'structureRead', structureReadOperations, resolveCaller);
