import { routeHandler } from '../../shared/http/route-handler';
import { resolveCaller } from '../../shared/services/structure/callers';
import { structureReadOperations } from './read-operations';
import { structureReadRoutes } from './routes-read';

export const handler = routeHandler(structureReadRoutes, 'structureRead', structureReadOperations, resolveCaller);
