import { idempotencyKeys } from '../../shared/db/idempotency';
import { routeHandler } from '../../shared/http/route-handler';
import { resolveCaller } from '../../shared/services/structure/callers';
import { structureWriteRoutes } from './routes-write';
import { structureWriteOperations } from './write-operations';

export const handler = routeHandler(
  structureWriteRoutes,
  'structureWrite',
  structureWriteOperations,
  resolveCaller,
  idempotencyKeys,
);
