import { routeHandler } from '../../shared/http/route-handler';
import { resolveCaller } from '../../shared/services/structure/callers';
import { proposalReadOperations } from './read-operations';
import { proposalReadRoutes } from './routes-read';

export const handler = routeHandler(proposalReadRoutes, 'proposalRead', proposalReadOperations, resolveCaller);
