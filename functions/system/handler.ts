/**
 * The public routes of the system area (health, the OpenAPI document) and the `$default` route:
 * 404 for unknown paths, 405 for known paths with the wrong method.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { CallerLookup } from '../../shared/domain/access/caller';
import { MethodNotAllowedError, NotFoundError } from '../../shared/domain/errors';
import { problemResponse } from '../../shared/http/problem';
import { routeHandler } from '../../shared/http/route-handler';
import { matchPath } from '../../shared/http/route-match';
import { routes } from '../routes';
import { systemOperations } from './operations';
import { systemRoutes } from './routes';

/** Every route of this function is public: no caller is ever looked up. */
const noCallers: CallerLookup = () => Promise.reject(new Error('the system routes are public'));

const served = routeHandler(systemRoutes, 'system', systemOperations, noCallers);

function unmatched(event: APIGatewayProxyEventV2): APIGatewayProxyStructuredResultV2 {
  const matches = matchPath(routes, event.rawPath);
  if (matches.length === 0) {
    return problemResponse(new NotFoundError('Không có đường dẫn này.', 'route_not_found'), event.rawPath);
  }
  const allowed = [...new Set(matches.map((match) => match.route.method))];
  return problemResponse(new MethodNotAllowedError(allowed), event.rawPath);
}

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  return event.routeKey === '$default' ? unmatched(event) : served(event);
}
