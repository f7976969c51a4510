import { idempotencyKeys } from '../../shared/db/idempotency';
import { routeHandler } from '../../shared/http/route-handler';
import { resolveCaller } from '../../shared/services/structure/callers';
import { answerRoutes } from './routes';
import { answerWriteOperations } from './write-operations';

export const handler = routeHandler(answerRoutes, 'answerWrite', answerWriteOperations, resolveCaller, idempotencyKeys);
