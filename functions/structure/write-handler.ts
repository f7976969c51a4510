import { idempotencyKeys } from '../../shared/db/idempotency';
import { routeHandler } from '../../shared/http/route-handler';
import { resolveCaller } from '../../shared/services/structure/callers';
import { structureRoutes } from './routes';
import { structureWriteOperations } from './write-operations';

export const handler = routeHandler(
  structureRoutes,
  'structureWrite',
  structureWriteOperations,
  resolveCaller,
  idempotencyKeys,
);
