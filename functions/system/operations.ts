/** The system function's operations: the health check and the API's own description. */
import type { OperationsOf } from '../../shared/http/contract';
import { JSON_MEDIA } from '../../shared/http/route-handler';
import { serializedApiDescription } from './api-description';
import type { systemRoutes } from './routes';

export const systemOperations: OperationsOf<typeof systemRoutes, 'system'> = {
  health: async () => ({ body: { status: 'ok' }, headers: { 'cache-control': 'no-store' } }),
  openapi: async () => ({
    raw: { media: JSON_MEDIA, content: serializedApiDescription() },
    headers: { 'cache-control': 'public, max-age=300' },
  }),
};
