import { routeHandler } from '../../shared/http/route-handler';
import { resolveCaller } from '../../shared/services/structure/callers';
import { proposalReadOperations } from './read-operations';
import { proposalRoutes } from './routes';

export const handler = routeHandler(proposalRoutes, 'proposalRead', proposalReadOperations, resolveCaller);
