import { idempotencyKeys } from '../../shared/db/idempotency';
import { routeHandler } from '../../shared/http/route-handler';
import { resolveCaller } from '../../shared/services/structure/callers';
import { proposalWriteRoutes } from './routes-write';
import { proposalWriteOperations } from './write-operations';

export const handler = routeHandler(
  proposalWriteRoutes,
  'proposalWrite',
  proposalWriteOperations,
  resolveCaller,
  idempotencyKeys,
);
