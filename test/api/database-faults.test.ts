/**
 * DynamoDB faults, injected by an SDK middleware on the document client against DynamoDB Local:
 * after the SDK's own retries the API answers 503 problem+json with Retry-After, and a failed
 * change leaves nothing behind.
 */
import { ProvisionedThroughputExceededException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { queryAll } from '../../shared/db/store';
import { useApi } from '../support/api';
import { expectProblem } from '../support/problem';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();
const OFFICE = 'van-phong-1';
const INJECTOR = 'faultInjection';

beforeAll(async () => {
  await seedSampleDistrict();
});

afterEach(() => {
  documentClient().middlewareStack.remove(INJECTOR);
});

/**
 * Makes every attempt of one DynamoDB operation fail with `fault()`, inside the SDK's retry loop
 * (the deserialize step wraps the HTTP call itself). Returns the attempts counted.
 */
function injectFault(operation: string, fault: () => Error): { attempts: number } {
  const counter = { attempts: 0 };
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== `${operation}Command`) return next(args);
      counter.attempts++;
      throw fault();
    },
    { step: 'deserialize', name: INJECTOR },
  );
  return counter;
}

const throttled = () =>
  new ProvisionedThroughputExceededException({
    message: 'Rate of requests exceeds the allowed throughput.',
    $metadata: {},
  });
const timedOut = () => Object.assign(new Error('Connection timed out after 1000 ms'), { name: 'TimeoutError' });
const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED', name: 'Error' });
const throttledTransaction = () =>
  new TransactionCanceledException({
    message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ThrottlingError]',
    CancellationReasons: [{ Code: 'None' }, { Code: 'ThrottlingError' }],
    $metadata: {},
  });

/** What a change must leave untouched when it fails: the official's stored item and its audit trail. */
async function officialState(officialId: string) {
  const [item] = await queryAll({
    partition: keys.unit('official', officialId).PK,
    prefix: keys.unit('official', officialId).SK,
  });
  const audits = await queryAll({ partition: keys.auditPartition('official', officialId) });
  return { item, audits: audits.length };
}

describe('when DynamoDB cannot answer', () => {
  it.each([
    ['throttles', 'TransactWriteItems', throttled, 'every'],
    ['times out', 'TransactWriteItems', timedOut, 'every'],
    ['is unreachable', 'TransactWriteItems', refused, 'every'],
    ['throttles a transaction item', 'TransactWriteItems', throttledTransaction, 'one'],
  ] as const)(
    'a change it %s answers 503 with Retry-After and writes nothing',
    async (_case, operation, fault, attempts) => {
      const path = '/officials/truong-khu-1';
      const read = await api.request('GET', path, { as: OFFICE });
      const before = await officialState('truong-khu-1');
      const counter = injectFault(operation, fault);

      const response = await api.request('PATCH', path, {
        as: OFFICE,
        body: { title: 'Phó Bí thư Thường trực' },
        headers: { 'if-match': read.headers.get('etag') ?? '' },
      });

      expectProblem(response, 503, 'service_unavailable');
      expect(response.headers.get('retry-after')).toBe('5');
      // the SDK retried throttling, timeouts and network errors before giving up; a cancelled transaction it does not retry.
      const maxAttempts = await documentClient().config.maxAttempts();
      expect(maxAttempts).toBeGreaterThan(1);
      expect(counter.attempts).toBe(attempts === 'every' ? maxAttempts : 1);
      documentClient().middlewareStack.remove(INJECTOR);
      expect(await officialState('truong-khu-1')).toEqual(before);
      expect((await api.request('GET', path, { as: OFFICE })).body).toEqual(read.body);
    },
  );

  it.each([
    ['a single read', 'Get', '/zones/khu-1'],
    ['a query', 'Query', '/zones'],
  ])('%s answers 503 with Retry-After too', async (_case, operation, path) => {
    // the caller's assignments are cached after the first request, so only the route's own read fails.
    await api.request('GET', path, { as: OFFICE });
    injectFault(operation === 'Get' ? 'GetItem' : 'Query', throttled);

    const response = await api.request('GET', path, { as: OFFICE });

    expectProblem(response, 503, 'service_unavailable');
    expect(response.headers.get('retry-after')).toBe('5');
  });

  it('keeps its ordinary answers for everything else: a stale ETag is still 412', async () => {
    const response = await api.request('PATCH', '/officials/truong-khu-2', {
      as: OFFICE,
      body: { title: 'x' },
      headers: { 'if-match': '"999"' },
    });
    expectProblem(response, 412, 'etag_mismatch');
  });
});
