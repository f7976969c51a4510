/**
 * Retried creations under `Idempotency-Key`, on DynamoDB Local: a replay answers the first answer
 * and creates nothing, another request under the key is a 422, two requests racing under one key
 * create one thing, and a key is taken only by a creation that committed.
 */
import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import { documentClient, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { getItem } from '../../shared/db/store';
import { useApi } from '../support/api';
import { expectProblem } from '../support/problem';
import { seedSampleDistrict } from '../support/sample-district';

const api = useApi();
const OFFICE = 'van-phong-1';
const OTHER_OFFICE = 'van-phong-2';

beforeAll(async () => {
  await seedSampleDistrict();
});

function announce(title: string, key: string | undefined, as = OFFICE) {
  return api.request('POST', '/announcements', {
    as,
    body: { title, body: 'Nội dung thông báo', zoneIds: 'all' },
    headers: key === undefined ? {} : { 'idempotency-key': key },
  });
}

/** Every announcement's title, as the office lists them. */
async function announcementTitles(): Promise<string[]> {
  const titles: string[] = [];
  let cursor: string | undefined;
  do {
    const query = cursor ? `?limit=100&cursor=${encodeURIComponent(cursor)}` : '?limit=100';
    const page = await api.request<{ items: { title: string }[]; nextCursor?: string }>(
      'GET',
      `/announcements${query}`,
      { as: OFFICE },
    );
    titles.push(...page.body.items.map((item) => item.title));
    cursor = page.body.nextCursor;
  } while (cursor);
  return titles;
}

function occurrences(titles: readonly string[], title: string): number {
  return titles.filter((t) => t === title).length;
}

describe('a creation under an idempotency key', () => {
  it('is declared by every POST that creates (201)', () => {
    const creating = routes.filter((route) => route.method === 'POST' && route.response.status === 201);
    expect(creating.length).toBeGreaterThanOrEqual(10);
    expect(creating.filter((route) => !route.request.idempotent).map((route) => route.path)).toEqual([]);
  });

  it('answers a retry with the first answer and creates nothing more', async () => {
    const key = randomUUID();
    const first = await announce('Thông báo gửi lại', key);
    const retry = await announce('Thông báo gửi lại', key);

    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(occurrences(await announcementTitles(), 'Thông báo gửi lại')).toBe(1);
  });

  it('creates twice without a key: the retry the key prevents', async () => {
    await announce('Thông báo không khoá', undefined);
    await announce('Thông báo không khoá', undefined);

    expect(occurrences(await announcementTitles(), 'Thông báo không khoá')).toBe(2);
  });

  it('refuses the key with another request (422) and creates nothing for it', async () => {
    const key = randomUUID();
    await announce('Thông báo thứ nhất', key);
    const other = await announce('Thông báo khác', key);

    expectProblem(other, 422, 'idempotency_key_reused');
    expect(occurrences(await announcementTitles(), 'Thông báo khác')).toBe(0);
  });

  it('keeps keys per caller: another official’s same key is another key', async () => {
    const key = randomUUID();
    const mine = await announce('Thông báo hai văn phòng', key, OFFICE);
    const theirs = await announce('Thông báo hai văn phòng', key, OTHER_OFFICE);

    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(occurrences(await announcementTitles(), 'Thông báo hai văn phòng')).toBe(2);
  });

  it('refuses a malformed key with 400 before any work', async () => {
    for (const key of ['two words', 'x'.repeat(256)]) {
      const response = await announce('Thông báo khoá hỏng', key);
      expectProblem(response, 400, 'invalid_idempotency_key');
    }
    expect(occurrences(await announcementTitles(), 'Thông báo khoá hỏng')).toBe(0);
  });

  it('creates exactly once when two requests race under one key, 20 times', async () => {
    for (let i = 0; i < 20; i++) {
      const key = randomUUID();
      const title = `Thông báo tranh chấp ${i}`;
      const answers = await Promise.all([announce(title, key), announce(title, key)]);

      for (const answer of answers) {
        if (answer.status === 409) expectProblem(answer, 409, 'idempotency_key_in_use');
        else expect(answer.status).toBe(201);
      }
      expect(answers.some((answer) => answer.status === 201)).toBe(true);
      expect(occurrences(await announcementTitles(), title)).toBe(1);
    }
  });

  it('replays a unit’s creation instead of answering that it already exists', async () => {
    const key = randomUUID();
    const zone = { id: 'khu-thu-lai', name: 'Khu thử lại' };
    const first = await api.request('POST', '/zones', { as: OFFICE, body: zone, headers: { 'idempotency-key': key } });
    const retry = await api.request('POST', '/zones', { as: OFFICE, body: zone, headers: { 'idempotency-key': key } });
    const plain = await api.request('POST', '/zones', { as: OFFICE, body: zone });

    expect(first.status).toBe(201);
    expect([retry.status, retry.headers.get('etag'), retry.headers.get('location')]).toEqual([
      201,
      '"1"',
      '/zones/khu-thu-lai',
    ]);
    expect(retry.body).toEqual(first.body);
    expectProblem(plain, 409, 'already_exists');
  });

  it('is taken only by a creation that committed: a refused request leaves the key free', async () => {
    const key = randomUUID();
    const headers = { 'idempotency-key': key };
    const taken = await api.request('POST', '/zones', { as: OFFICE, body: { id: 'khu-1', name: 'Trùng' }, headers });
    const again = await api.request('POST', '/zones', { as: OFFICE, body: { id: 'khu-1', name: 'Trùng' }, headers });
    const other = await api.request('POST', '/zones', {
      as: OFFICE,
      body: { id: 'khu-sau-loi', name: 'Khu sau lỗi' },
      headers,
    });

    expectProblem(taken, 409, 'already_exists');
    expectProblem(again, 409, 'already_exists');
    expect(other.status).toBe(201);
  });

  it('keeps the key for a day (the table’s TTL attribute), and forgets it after', async () => {
    const key = randomUUID();
    const before = Math.floor(Date.now() / 1000);
    await announce('Thông báo hết hạn khoá', key);
    const record = await getItem(keys.idempotencyKey(OFFICE, key));
    expect(Number(record?.expiresAt)).toBeGreaterThanOrEqual(before + 24 * 3600);
    expect(Number(record?.expiresAt)).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 24 * 3600);

    // a day later: DynamoDB may not have deleted it yet, but it no longer counts.
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.idempotencyKey(OFFICE, key),
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': before - 1 },
      }),
    );
    const later = await announce('Thông báo hết hạn khoá', key);

    expect(later.status).toBe(201);
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect(occurrences(await announcementTitles(), 'Thông báo hết hạn khoá')).toBe(2);
  });
});
