/** The system function's operations: the health check and the API's own description. */
import type { OperationsOf } from '../../shared/http/contract';
import { describeApi } from './api-description';
import type { systemRoutes } from './routes';

export const systemOperations: OperationsOf<typeof systemRoutes, 'system'> = {
  health: async () => ({ body: { status: 'ok' }, headers: { 'cache-control': 'no-store' } }),
  openapi: async () => ({ body: describeApi(), headers: { 'cache-control': 'public, max-age=300' } }),
};
