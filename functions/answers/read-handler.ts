import { routeHandler } from '../../shared/http/route-handler';
import { resolveCaller } from '../../shared/services/structure/callers';
import { answerReadOperations } from './read-operations';
import { answerRoutes } from './routes';

export const handler = routeHandler(answerRoutes, 'answerRead', answerReadOperations, resolveCaller);
