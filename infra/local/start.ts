/**
 * `npm start`: DynamoDB Local with data kept under `.local/`, the table, the sample district
 * (loaded when the table has no structure yet), the local gateway on http://127.0.0.1:3000 and
 * a bearer token per sample role. Ctrl-C stops everything.
 *
 * Options: `--port 3000`, `--dynamodb-port 8000`, `--district gia-loc`. The local data keeps one
 * district: another `--district` is refused until `npm run reset` empties it.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { DistrictConfig } from '../../shared/domain/structure/district-config';
import { parseDistrictConfig } from '../../shared/services/structure/import-structure';
import { ensurePortFree, ensureTable, LocalSetupError, localClient, startDynamoDbLocal } from './dynamodb-local';
import { createGateway } from './gateway';
import { createLocalIssuer, DEFAULT_LOCAL_PORT, localIssuerUrl } from './jwt';
import { loadDistrictOnce } from './local-district';
import { districtsDir, localDataDir, localDistrictFile, localKeyFile } from './paths';
import { sampleOfficialPerRole } from './sample-roles';

const TABLE_NAME = 'giao-ban-local';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: String(DEFAULT_LOCAL_PORT) },
      'dynamodb-port': { type: 'string', default: '8000' },
      district: { type: 'string', default: 'gia-loc' },
    },
  });
  const port = Number(values.port);
  const districtId = values.district;
  await ensurePortFree(port, 'API');
  mkdirSync(localDataDir, { recursive: true });
  const dynamo = await startDynamoDbLocal({ port: Number(values['dynamodb-port']), dataPath: localDataDir });

  // The handlers read their configuration from the environment, as on Lambda (parsed at first use).
  process.env.TABLE_NAME = TABLE_NAME;
  process.env.DISTRICT_ID = districtId;
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;

  let config: DistrictConfig;
  try {
    config = parseDistrictConfig(JSON.parse(readFileSync(resolve(districtsDir, `${districtId}.json`), 'utf8')));
    await ensureTable(localClient(dynamo.endpoint), TABLE_NAME);
    if (await loadDistrictOnce(config, localDistrictFile)) console.log(`Loaded the district ${config.district.name}.`);
  } catch (error) {
    // DynamoDB Local is a child process: stop it rather than leave it holding the port and the data.
    await dynamo.stop();
    throw error;
  }

  const issuer = await createLocalIssuer(localKeyFile, localIssuerUrl(port));
  const server = createGateway(issuer, { corsOrigins: config.deployment.corsOrigins });
  await new Promise<void>((ready) => server.listen(port, '127.0.0.1', ready));

  console.log(
    `\ngiao-ban (${config.district.name}) is serving http://127.0.0.1:${port} on DynamoDB Local ${dynamo.endpoint}`,
  );
  const moreTokens = `npm run token -- <official-id>${port === DEFAULT_LOCAL_PORT ? '' : ` --port ${port}`}`;
  console.log(`Bearer tokens for sample officials, for port ${port} (valid 12 h; \`${moreTokens}\` makes more):\n`);
  for (const sample of sampleOfficialPerRole(config)) {
    const scope = sample.scopeId ? ` (${sample.scopeId})` : '';
    console.log(`# ${sample.role}${scope}: ${sample.name} [${sample.officialId}]`);
    console.log(`${await issuer.sign(sample.subject)}\n`);
  }
  console.log(`Try: curl -H "Authorization: Bearer <office token>" http://127.0.0.1:${port}/zones`);
  console.log(`API reference (paste a token under Authorize): http://127.0.0.1:${port}/docs`);
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    server.closeAllConnections();
    await new Promise<void>((closed) => server.close(() => closed()));
    await dynamo.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof LocalSetupError ? `\n${error.message}\n` : error);
  process.exit(1);
});
