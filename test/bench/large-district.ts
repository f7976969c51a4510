/**
 * The two operations whose cost grows with the district: importing a 60-zone structure
 * (`PUT /structure`, onto a district holding one zone and the office) and opening a month for
 * its 60 zones (`POST /cycles/{month}/open`), each once, through the local gateway.
 */
import { importStructure } from '../../shared/services/structure/import-structure';
import { startBenchGateway } from './bench-gateway';
import type { Figure } from './figures';
import { BENCH_OFFICE, generatedDistrict } from './generated-district';

const ZONES = 60;
/** The import and opening functions' timeout (`HandlerFunction`'s default). */
const FUNCTION_TIMEOUT_MS = 15_000;

export async function largeDistrictFigures(): Promise<Figure[]> {
  await importStructure(generatedDistrict(1), { id: 'bench' });
  const gateway = await startBenchGateway();
  try {
    const steps = {
      [`importing a ${ZONES}-zone structure`]: { method: 'PUT', path: '/structure', body: generatedDistrict(ZONES) },
      [`opening a month for ${ZONES} zones`]: { method: 'POST', path: '/cycles/2027-03/open' },
    };
    const figures: Figure[] = [];
    for (const [name, step] of Object.entries(steps)) {
      const { status, problem, calls, totalMs } = await gateway.send({ ...step, as: BENCH_OFFICE });
      figures.push({
        section: 'large district',
        name,
        value:
          status < 300
            ? `${calls.calls} calls (${calls.reads} reads in ${calls.readRoundTrips} trips, ${calls.transactions} tx, ${calls.otherWrites} other writes), ${(totalMs / 1000).toFixed(1)} s`
            : `answered ${status} ${problem ?? ''}`,
        budget: `2xx within ${FUNCTION_TIMEOUT_MS / 1000} s`,
        pass: status < 300 && totalMs < FUNCTION_TIMEOUT_MS,
        data: { ...calls, totalMs, status },
      });
    }
    return figures;
  } finally {
    gateway.close();
  }
}
