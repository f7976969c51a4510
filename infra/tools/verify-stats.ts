/**
 * `npm run verify [-- --port 3000]`: asks the local service (`npm start` running) to recount every
 * proposal record and compare the counts and overdue entries with the statistics' (`GET
 * /stats/verify`); prints any difference, and any month and zone written through every re-check
 * (not compared), and exits non-zero when there is one.
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
  overdueDifferences: { entry: string; kind: 'missing' | 'extra' }[];
  unsettled: { month: string; zoneId: string }[];
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
for (const d of result.overdueDifferences) {
  console.log(`  overdue entry ${d.entry}: ${d.kind === 'missing' ? 'owed but missing' : 'stored but owed by none'}`);
}
for (const u of result.unsettled) {
  console.log(`  ${u.month} ${u.zoneId}: written through every re-check, not compared; run verify again`);
}
process.exit(result.exact ? 0 : 1);
