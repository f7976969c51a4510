/** Which SDK errors mean "DynamoDB cannot answer now" (503) and which are answers about the request itself. */
import { describe, expect, it } from 'vitest';
import { isUnavailable, translateUnavailable } from '../../shared/db/unavailable';
import { ServiceUnavailableError } from '../../shared/domain/errors';

const named = (name: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(name), { name, ...extra });
const cancelled = (...codes: string[]) =>
  named('TransactionCanceledException', { CancellationReasons: codes.map((Code) => ({ Code })) });

describe('isUnavailable', () => {
  it.each([
    ['throttling', named('ProvisionedThroughputExceededException')],
    ['the account’s request limit', named('RequestLimitExceeded')],
    ['a timeout of the SDK', named('TimeoutError')],
    ['a refused connection', named('Error', { code: 'ECONNREFUSED' })],
    [
      'a refused connection to every address (AggregateError)',
      new AggregateError([named('Error', { code: 'ECONNREFUSED' })]),
    ],
    ['a failure wrapped as a cause', named('Error', { cause: named('Error', { code: 'ECONNRESET' }) })],
    ['an internal server error', named('InternalServerError', { $metadata: { httpStatusCode: 500 } })],
    ['a transaction throttled on one item', cancelled('None', 'ThrottlingError')],
  ])('recognises %s', (_case, error) => {
    expect(isUnavailable(error)).toBe(true);
  });

  it.each([
    ['a failed condition', cancelled('None', 'ConditionalCheckFailed')],
    ['a failed condition beside a throttled item', cancelled('ConditionalCheckFailed', 'ThrottlingError')],
    ['a transaction conflict', cancelled('TransactionConflict')],
    ['a malformed request', named('ValidationException', { $metadata: { httpStatusCode: 400 } })],
    ['a programming error', new TypeError('x is undefined')],
    ['a thrown string', 'boom'],
  ])('leaves %s alone', (_case, error) => {
    expect(isUnavailable(error)).toBe(false);
    expect(translateUnavailable(error)).toBe(error);
  });

  it('translates into ServiceUnavailableError keeping the SDK’s error as its cause', () => {
    const error = named('ThrottlingException');
    const translated = translateUnavailable(error);
    expect(translated).toBeInstanceOf(ServiceUnavailableError);
    expect((translated as ServiceUnavailableError).cause).toBe(error);
    expect(translated).toMatchObject({ status: 503, code: 'service_unavailable', retryAfterSeconds: 5 });
  });
});
