import { routeHandler } from '../../shared/http/route-handler';
import { resolveCaller } from '../../shared/services/structure/callers';
import { responseDocumentOperations } from './document-operations';
import { answerReadRoutes } from './routes-read';

export const handler = routeHandler(answerReadRoutes, 'responseDocument', responseDocumentOperations, resolveCaller);
