/**
 * The public routes of the system area (health, the OpenAPI document) and the `$default` route:
 * 404 for unknown paths, 405 for known paths with the wrong method.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { CallerLookup } from '../../shared/domain/access/caller';
import { MethodNotAllowedError, NotFoundError } from '../../shared/domain/errors';
import { answerAndLog } from '../../shared/http/logged-answer';
import { routeHandler } from '../../shared/http/route-handler';
import { matchPath } from '../../shared/http/route-match';
import { routes } from '../routes';
import { systemOperations } from './operations';
import { systemRoutes } from './routes';

/** Every route of this function is public: no caller is ever looked up. */
const noCallers: CallerLookup = () => Promise.reject(new Error('the system routes are public'));

const served = routeHandler(systemRoutes, 'system', systemOperations, noCallers);

/** Why no route takes the request: 404 for an unknown path, 405 naming the methods of a known one. */
function unmatched(path: string): NotFoundError | MethodNotAllowedError {
  const matches = matchPath(routes, path);
  if (matches.length === 0) return new NotFoundError('Không có đường dẫn này.', 'route_not_found');
  return new MethodNotAllowedError([...new Set(matches.map((match) => match.route.method))]);
}

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  if (event.routeKey !== '$default') return served(event);
  return answerAndLog(event, async () => {
    throw unmatched(event.rawPath);
  });
}
