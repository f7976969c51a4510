import { idempotencyKeys } from '../../shared/db/idempotency';
import { routeHandler } from '../../shared/http/route-handler';
import { resolveCaller } from '../../shared/services/structure/callers';
import { cycleWriteRoutes } from './routes-write';
import { cycleWriteOperations } from './write-operations';

export const handler = routeHandler(
  cycleWriteRoutes,
  'cycleWrite',
  cycleWriteOperations,
  resolveCaller,
  idempotencyKeys,
);
