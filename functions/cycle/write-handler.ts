import { idempotencyKeys } from '../../shared/db/idempotency';
import { routeHandler } from '../../shared/http/route-handler';
import { resolveCaller } from '../../shared/services/structure/callers';
import { cycleRoutes } from './routes';
import { cycleWriteOperations } from './write-operations';

export const handler = routeHandler(cycleRoutes, 'cycleWrite', cycleWriteOperations, resolveCaller, idempotencyKeys);
