import { routeHandler } from '../../shared/http/route-handler';
import { resolveCaller } from '../../shared/services/structure/callers';
import { answerReadOperations } from './read-operations';
import { answerReadRoutes } from './routes-read';

export const handler = routeHandler(answerReadRoutes, 'answerRead', answerReadOperations, resolveCaller);
