/** Health check and the `$default` route: 404 for unknown paths, 405 for known paths with the wrong method. */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { MethodNotAllowedError, NotFoundError } from '../../shared/domain/errors';
import { problemResponse } from '../../shared/http/problem';
import { EVERY_RESPONSE_HEADERS } from '../../shared/http/response-headers';
import { matchPath } from '../../shared/http/route-match';
import { routes } from '../routes';

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  if (event.routeKey === 'GET /health') {
    return {
      statusCode: 200,
      headers: { ...EVERY_RESPONSE_HEADERS, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ status: 'ok' }),
    };
  }
  const matches = matchPath(routes, event.rawPath);
  if (matches.length === 0) {
    return problemResponse(new NotFoundError('Không có đường dẫn này.', 'route_not_found'), event.rawPath);
  }
  const allowed = [...new Set(matches.map((match) => match.route.method))];
  return problemResponse(new MethodNotAllowedError(allowed), event.rawPath);
}
