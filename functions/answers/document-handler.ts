import { routeHandler } from '../../shared/http/route-handler';
import { resolveCaller } from '../../shared/services/structure/callers';
import { responseDocumentOperations } from './document-operations';
import { answerRoutes } from './routes';

export const handler = routeHandler(answerRoutes, 'responseDocument', responseDocumentOperations, resolveCaller);
