/**
 * The frame of every HTTP answer: run it, turn what it throws into a problem response, and write
 * the request's one log line with what the answer learned on the way (operation, official).
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { AppError } from '../domain/errors';
import { logRequest } from '../observability/request-log';
import { isAppError, problemOf, problemOriginOf, problemResponse } from './problem';

/** What an answer found out about its request, for the log line; filled in as it goes. */
export interface RequestNotes {
  operation?: string;
  officialId?: string;
}

type Answer = (notes: RequestNotes) => Promise<APIGatewayProxyStructuredResultV2>;

export async function answerAndLog(
  event: APIGatewayProxyEventV2,
  answer: Answer,
): Promise<APIGatewayProxyStructuredResultV2> {
  const started = performance.now();
  const notes: RequestNotes = {};
  let response: APIGatewayProxyStructuredResultV2;
  let problem: AppError | undefined;
  let unexpected: unknown;
  try {
    response = await answer(notes);
  } catch (error) {
    problem = problemOf(error);
    if (!isAppError(error)) unexpected = error;
    response = problemResponse(problem, problemOriginOf(event));
  }
  logRequest({
    requestId: event.requestContext?.requestId ?? '',
    method: event.requestContext?.http?.method ?? '',
    path: event.rawPath,
    routeKey: event.routeKey,
    operation: notes.operation,
    officialId: notes.officialId,
    status: response.statusCode ?? 200,
    problemCode: problem?.code,
    durationMs: performance.now() - started,
    error: unexpected,
  });
  return response;
}
