/**
 * Who a signed-in account is: resolved from the table, cached for `ACCESS_CACHE_SECONDS`, forgotten
 * when the structure import changes the official's roles, refused when the account leads nowhere;
 * and linking an official to the account they sign in with.
 */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { config } from '../../shared/config';
import { documentClient, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { resolveCaller } from '../../shared/services/structure/callers';
import { importStructure } from '../../shared/services/structure/import-structure';
import { linkOfficialAccount } from '../../shared/services/structure/official-accounts';
import { listAudit } from '../../shared/services/structure/structure-reads';
import { readSampleConfig } from '../support/sample-district';

const tester = { id: 'tester' };
const sample = readSampleConfig();

beforeAll(async () => {
  await importStructure(sample, tester);
});

/** Renames an official behind the service's back, as another process's write would. */
function renameInTable(officialId: string, name: string) {
  return documentClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.unit('official', officialId),
      UpdateExpression: 'SET #name = :name',
      ExpressionAttributeNames: { '#name': 'name' },
      ExpressionAttributeValues: { ':name': name },
    }),
  );
}

describe('resolving a caller', () => {
  it('answers from the cache until ACCESS_CACHE_SECONDS have passed, then reads the table again', async () => {
    const subject = 'sample-truong-khu-5';
    const start = 1_000_000;
    const lifetime = config().ACCESS_CACHE_SECONDS * 1000;
    const first = await resolveCaller(subject, start);
    await renameInTable('truong-khu-5', 'Tên mới');

    const cached = await resolveCaller(subject, start + lifetime - 1);
    const expired = await resolveCaller(subject, start + lifetime);

    expect(cached.official.name).toBe(first.official.name);
    expect(expired.official.name).toBe('Tên mới');
  });

  it('carries the commune and zone an imported cell or commune role reaches', async () => {
    const cellSecretary = await resolveCaller('sample-bi-thu-cb-gia-tan-thon-ha');
    const communeSecretary = await resolveCaller('sample-bi-thu-gia-xuyen');

    expect(cellSecretary.assignments).toEqual([
      expect.objectContaining({ cellId: 'gia-tan-thon-ha', communeId: 'gia-tan', zoneId: 'khu-2' }),
    ]);
    expect(communeSecretary.assignments).toEqual([
      expect.objectContaining({ communeId: 'gia-xuyen', zoneId: 'khu-2' }),
    ]);
  });

  it('refuses (403) an account whose reservation names an official no longer there', async () => {
    await documentClient().send(
      new PutCommand({ TableName: tableName(), Item: { ...keys.subject('tk-lac'), officialId: 'can-bo-da-xoa' } }),
    );

    await expect(resolveCaller('tk-lac')).rejects.toMatchObject({ status: 403 });
  });

  it('refuses (403) an account no official holds', async () => {
    await expect(resolveCaller('tk-chua-ai-giu')).rejects.toMatchObject({ status: 403 });
  });

  it('sees at once a role the structure import gives a cached official, audited under its id', async () => {
    const subject = 'sample-truong-khu-6';
    const before = await resolveCaller(subject);

    await importStructure(
      {
        ...sample,
        assignments: [...sample.assignments, { officialId: 'truong-khu-6', role: 'zone-deputy', scopeId: 'khu-5' }],
      },
      tester,
    );
    const after = await resolveCaller(subject);

    expect(after.assignments.map((a) => a.id).sort()).toEqual(
      [...before.assignments.map((a) => a.id), 'truong-khu-6.zone-deputy.khu-5'].sort(),
    );
    const trail = await listAudit('assignment:truong-khu-6.zone-deputy.khu-5', 10, undefined);
    expect(trail.items).toEqual([expect.objectContaining({ action: 'create', actor: tester.id })]);
  });
});

describe('linking an official to an account', () => {
  it('links an official without one, then answers already-linked for the same account', async () => {
    const file = {
      ...sample,
      officials: [...sample.officials, { id: 'can-bo-chua-lien-ket', name: 'Cán bộ', title: 'Chuyên viên' }],
    };
    await importStructure(file, tester);

    const linked = await linkOfficialAccount('can-bo-chua-lien-ket', 'sub-lien-ket', tester);
    const again = await linkOfficialAccount('can-bo-chua-lien-ket', 'sub-lien-ket', tester);

    expect([linked, again]).toEqual(['linked', 'already-linked']);
    expect((await resolveCaller('sub-lien-ket')).official.id).toBe('can-bo-chua-lien-ket');
  });

  it('refuses an official linked to another account, naming both, and keeps the old link', async () => {
    const refused = linkOfficialAccount('truong-khu-2', 'sub-khac', tester);

    await expect(refused).rejects.toMatchObject({ status: 409, code: 'official_has_account' });
    await expect(refused).rejects.toThrow(/"truong-khu-2".*"sample-truong-khu-2"/);
    expect((await resolveCaller('sample-truong-khu-2')).official.id).toBe('truong-khu-2');
    await expect(resolveCaller('sub-khac')).rejects.toMatchObject({ status: 403 });
  });
});
