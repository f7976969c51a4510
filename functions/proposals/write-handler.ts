import { idempotencyKeys } from '../../shared/db/idempotency';
import { routeHandler } from '../../shared/http/route-handler';
import { resolveCaller } from '../../shared/services/structure/callers';
import { proposalRoutes } from './routes';
import { proposalWriteOperations } from './write-operations';

export const handler = routeHandler(
  proposalRoutes,
  'proposalWrite',
  proposalWriteOperations,
  resolveCaller,
  idempotencyKeys,
);
