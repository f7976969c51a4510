/**
 * Idempotency keys in the table. While a request made under a key runs (`run`), its key is an
 * open claim; the first change set the request commits carries the key's record in its own
 * transaction (`ChangeSet.commit` asks `openClaim`), so the key is taken exactly when the
 * creation happens, and of two requests racing under one key only one can commit. The answer
 * is added to the record afterwards, for replays; a request that wrote nothing records its key
 * with its answer at once. Records carry `expiresAt` (the table's TTL attribute) and count as
 * absent once it has passed, whether or not DynamoDB has deleted them yet.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  IDEMPOTENCY_WINDOW_SECONDS,
  type IdempotencyStore,
  type IdempotentRequest,
  type KeptAnswer,
  type KeptRequest,
} from '../domain/idempotency';
import { documentClient, tableName } from './client';
import { keys } from './keys';
import { getItem } from './store';
import { TIME_TO_LIVE_ATTRIBUTE } from './table-definition';

interface Claim {
  readonly request: IdempotentRequest;
  /** Set once a committed change carried the key's record. */
  taken: boolean;
  /** Set while a commit carrying it is in flight, so a parallel commit does not carry it too. */
  pending: boolean;
}

const claims = new AsyncLocalStorage<Claim>();

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The record may be written: there is none, or only one whose window has passed. */
function absentOrExpired() {
  return {
    ConditionExpression: 'attribute_not_exists(PK) OR #expiresAt < :now',
    ExpressionAttributeNames: { '#expiresAt': TIME_TO_LIVE_ATTRIBUTE },
    ExpressionAttributeValues: { ':now': nowSeconds() },
  };
}

function recordOf(request: IdempotentRequest, answer?: KeptAnswer) {
  return {
    ...keys.idempotencyKey(request.scope, request.key),
    entityType: 'idempotency-key',
    fingerprint: request.fingerprint,
    [TIME_TO_LIVE_ATTRIBUTE]: nowSeconds() + IDEMPOTENCY_WINDOW_SECONDS,
    ...(answer && { answer: JSON.stringify(answer) }),
  };
}

/** A claim a commit may carry: the write of the key's record, and what to do once the commit is decided. */
export interface ClaimWrite {
  readonly put: { Item: Record<string, unknown> } & ReturnType<typeof absentOrExpired>;
  settle(committed: boolean): void;
}

/** The key's record for the commit about to happen, when the running request has not taken its key yet. */
export function openClaim(): ClaimWrite | undefined {
  const claim = claims.getStore();
  if (!claim || claim.taken || claim.pending) return undefined;
  claim.pending = true;
  return {
    put: { Item: recordOf(claim.request), ...absentOrExpired() },
    settle(committed) {
      claim.pending = false;
      claim.taken ||= committed;
    },
  };
}

async function find(request: IdempotentRequest): Promise<KeptRequest | undefined> {
  const item = await getItem(keys.idempotencyKey(request.scope, request.key));
  if (!item || Number(item[TIME_TO_LIVE_ATTRIBUTE]) < nowSeconds()) return undefined;
  const fingerprint = String(item.fingerprint);
  return typeof item.answer === 'string' ? { fingerprint, answer: JSON.parse(item.answer) } : { fingerprint };
}

/** Adds the answer to the record the request's commit wrote. */
async function keepAnswer(request: IdempotentRequest, answer: KeptAnswer): Promise<void> {
  await documentClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.idempotencyKey(request.scope, request.key),
      UpdateExpression: 'SET #answer = :answer',
      ConditionExpression: '#fingerprint = :fingerprint',
      ExpressionAttributeNames: { '#answer': 'answer', '#fingerprint': 'fingerprint' },
      ExpressionAttributeValues: { ':answer': JSON.stringify(answer), ':fingerprint': request.fingerprint },
    }),
  );
}

/** Records the key with its answer, for a request that wrote nothing; a request that took the key meanwhile keeps it. */
async function recordAnswered(request: IdempotentRequest, answer: KeptAnswer): Promise<void> {
  try {
    await documentClient().send(
      new PutCommand({ TableName: tableName(), Item: recordOf(request, answer), ...absentOrExpired() }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** Frees a key whose request failed after taking it, so a retry runs again rather than finding no answer. */
async function release(request: IdempotentRequest): Promise<void> {
  await documentClient().send(
    new DeleteCommand({
      TableName: tableName(),
      Key: keys.idempotencyKey(request.scope, request.key),
      ConditionExpression: '#fingerprint = :fingerprint AND attribute_not_exists(#answer)',
      ExpressionAttributeNames: { '#answer': 'answer', '#fingerprint': 'fingerprint' },
      ExpressionAttributeValues: { ':fingerprint': request.fingerprint },
    }),
  );
}

export const idempotencyKeys: IdempotencyStore = {
  find,
  async run(request, work) {
    const claim: Claim = { request, taken: false, pending: false };
    let answer: KeptAnswer;
    try {
      answer = await claims.run(claim, work);
    } catch (error) {
      // the request's own error is the answer; a key left unreleased answers 409 until it expires.
      if (claim.taken) await release(request).catch(() => undefined);
      throw error;
    }
    // The work is done and its answer is the client's whatever happens here; should keeping it
    // fail, a retry under the key answers 409 until the key expires, and creates nothing twice.
    await (claim.taken ? keepAnswer(request, answer) : recordAnswered(request, answer)).catch(() => undefined);
    return answer;
  },
};
