/**
 * `npm run verify [-- --port 3000]`: asks the local service (`npm start` running) to recount every
 * proposal record and compare the counts with the statistics' counters (`GET /stats/verify`);
 * prints any difference and exits non-zero when there is one.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_LOCAL_PORT } from '../local/jwt';
import { localService } from './local-service';

const { values } = parseArgs({
  options: {
    as: { type: 'string', default: 'van-phong-1' },
    port: { type: 'string', default: String(DEFAULT_LOCAL_PORT) },
  },
});
const service = await localService(values.as, Number(values.port));
const response = await service.request('GET', '/stats/verify');
const result = (await response.json()) as {
  proposals: number;
  exact: boolean;
  differences: { month: string; zoneId: string; combination: string; stored: number; recounted: number }[];
  detail?: string;
};
if (response.status !== 200) {
  console.error(`${response.status}: ${result.detail ?? ''}`);
  process.exit(1);
}
console.log(`Recounted ${result.proposals} proposals: ${result.exact ? 'every counter is exact.' : 'differences:'}`);
for (const d of result.differences) {
  console.log(`  ${d.month} ${d.zoneId} ${d.combination}: stored ${d.stored}, recounted ${d.recounted}`);
}
process.exit(result.exact ? 0 : 1);
