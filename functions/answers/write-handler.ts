import { idempotencyKeys } from '../../shared/db/idempotency';
import { routeHandler } from '../../shared/http/route-handler';
import { resolveCaller } from '../../shared/services/structure/callers';
import { answerWriteRoutes } from './routes-write';
import { answerWriteOperations } from './write-operations';

export const handler = routeHandler(
  answerWriteRoutes,
  'answerWrite',
  answerWriteOperations,
  resolveCaller,
  idempotencyKeys,
);
