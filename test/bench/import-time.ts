/**
 * `npm run bench:import [-- --rows 20000]`: times the historical import on an in-memory DynamoDB
 * Local with the sample district: checking a generated file of that many rows, then writing it,
 * then importing it again (which must add nothing). Prints the times and the file's size.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ensureTable, freePort, localClient, startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { legacyCsv, legacyRows, monthPlan, PUBLISHED_FIELD_COUNTS } from '../support/legacy-csv';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '20000' } } });
const rows = Number(values.rows);

const dynamo = await startDynamoDbLocal({ port: await freePort() });
process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
process.env.TABLE_NAME = `bench-${randomUUID()}`;
process.env.DISTRICT_ID = 'gia-loc';
try {
  await ensureTable(localClient(dynamo.endpoint), process.env.TABLE_NAME);
  // imported after the environment is set: the application reads it at first use.
  const { readSampleConfig, seedSampleDistrict } = await import('../support/sample-district');
  const { checkProposalFile, writeImportedProposals } = await import('../../shared/services/imports/import-proposals');
  await seedSampleDistrict();
  const scale = rows / 1002;
  const fields = Object.fromEntries(
    Object.entries(PUBLISHED_FIELD_COUNTS).map(([field, count]) => [field, Math.round(count * scale)]),
  ) as typeof PUBLISHED_FIELD_COUNTS;
  const total = Object.values(fields).reduce((a, b) => a + b, 0);
  const file = legacyCsv(
    legacyRows(
      readSampleConfig(),
      monthPlan(total, Math.ceil(7 * scale), Math.ceil(29 * scale), Math.ceil(scale)),
      fields,
    ),
  );
  const by = { actor: { id: 'bench' }, person: { officialId: 'bench', name: 'Bench' } };

  let started = performance.now();
  const checked = await checkProposalFile(file, '2099-12');
  const checking = performance.now() - started;
  started = performance.now();
  const first = await writeImportedProposals(checked, by);
  const writing = performance.now() - started;
  started = performance.now();
  const again = await writeImportedProposals(await checkProposalFile(file, '2099-12'), by);
  const repeating = performance.now() - started;

  console.log(`rows: ${total}, file: ${(Buffer.byteLength(file) / 1024 / 1024).toFixed(2)} MB`);
  console.log(`check: ${(checking / 1000).toFixed(1)} s`);
  console.log(`write: ${(writing / 1000).toFixed(1)} s (${first.imported} imported)`);
  console.log(`again: ${(repeating / 1000).toFixed(1)} s (${again.imported} imported, ${again.skipped} skipped)`);
} finally {
  await dynamo.stop();
}
