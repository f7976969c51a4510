/**
 * The check the day after a month's scheduled opening. By then the scheduler and Lambda have
 * spent every retry, so a month still not open needs a person: the check says so through the
 * `MonthNotOpen` metric, which the district's alarm watches, and a log line.
 */
import { config } from '../../config';
import { DISTRICT_DIMENSION, emitMetric, MONTH_NOT_OPEN_METRIC } from '../../observability/metrics';
import { readCycle } from './cycle-store';

/** Reports whether `month` is open (metric and log line) and returns it; writes nothing. */
export async function reportMonthOpen(month: string): Promise<boolean> {
  const open = (await readCycle(month)) !== undefined;
  emitMetric(MONTH_NOT_OPEN_METRIC, open ? 0 : 1, { [DISTRICT_DIMENSION]: config().DISTRICT_ID });
  if (!open) {
    console.error(
      JSON.stringify({ level: 'error', message: 'month not open the day after its scheduled opening', month }),
    );
  }
  return open;
}
