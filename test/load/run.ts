/**
 * `npm run load [-- --connections 50 --duration 60]`: the load mix against the local service,
 * started in-process on free ports (DynamoDB Local in memory, the sample district), then the
 * checks: no 5xx, and every acknowledged write present. Prints requests/s and latency
 * percentiles; exits non-zero when a check fails.
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { ensureTable, freePort, localClient, startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { createGateway } from '../../infra/local/gateway';
import { createLocalIssuer } from '../../infra/local/jwt';
import { seedSampleDistrict } from '../support/sample-district';
import { describeReport, missingWrites, prepareTarget, runLoad, serverErrors } from './mix';

const { values } = parseArgs({
  options: { connections: { type: 'string', default: '50' }, duration: { type: 'string', default: '60' } },
});
const options = { connections: Number(values.connections), durationSeconds: Number(values.duration) };

const dynamo = await startDynamoDbLocal({ port: await freePort() });
// the handlers read their configuration from the environment at first use, as on Lambda
process.env.TABLE_NAME = 'giao-ban-load';
process.env.DISTRICT_ID = 'gia-loc';
process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
const issuer = await createLocalIssuer();
const server = createGateway(issuer);
try {
  await ensureTable(localClient(dynamo.endpoint), process.env.TABLE_NAME);
  await seedSampleDistrict();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const target = await prepareTarget(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, issuer);

  console.log(`Load: ${options.connections} clients for ${options.durationSeconds} s against ${target.baseUrl}…`);
  const report = await runLoad(target, options);
  console.log(describeReport(report, options));
  const failures = serverErrors(report);
  const missing = await missingWrites(target, report);
  console.log(`5xx answers: ${JSON.stringify(failures)}; acknowledged writes missing: ${missing.length}`);
  if (Object.keys(failures).length > 0 || missing.length > 0) process.exitCode = 1;
} finally {
  server.closeAllConnections();
  server.close();
  await dynamo.stop();
}
