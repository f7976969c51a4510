/** Routes anyone may call: the health check. */
import * as z from 'zod/mini';
import { named } from '../../shared/domain/schema-kit';
import { PUBLIC } from '../../shared/http/access-rules';
import { defineRoutes } from '../../shared/http/contract';

export const healthView = named(z.strictObject({ status: z.literal('ok') }), 'Health');

export const systemRoutes = defineRoutes([
  {
    method: 'GET',
    path: '/health',
    fn: 'system',
    operation: 'health',
    access: PUBLIC,
    tag: 'Hệ thống',
    summary: 'Liveness check',
    request: {},
    response: { status: 200, description: 'The service is up', body: healthView },
  },
]);
