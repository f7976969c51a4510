import { routeHandler } from '../../shared/http/route-handler';
import { resolveCaller } from '../../shared/services/structure/callers';
import { importOperations } from './operations';
import { importRoutes } from './routes';

export const handler = routeHandler(importRoutes, 'proposalImport', importOperations, resolveCaller);
