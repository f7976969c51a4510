/**
 * The scheduled opener. EventBridge Scheduler delivers at least once, so this may run twice for
 * the same month, even at the same time: `openCycle` is idempotent per month. An already open
 * month is a success (retries stop); any other failure is thrown, so the invocation is retried
 * and finally reaches the dead-letter queue.
 *
 * A second schedule invokes it again the day after with `check: true`: it first reports whether
 * the month is open (the "month not open" alarm), then opens it if it still can.
 */
import { isOpeningCheck, monthToOpen } from '../../shared/domain/cycle/opener-event';
import { CYCLE_OPENER, openCycle } from '../../shared/services/cycle/open-cycle';
import { reportMonthOpen } from '../../shared/services/cycle/opening-check';

export async function handler(event: unknown): Promise<{ month: string; created: boolean; meetings: number }> {
  const month = monthToOpen(event, new Date());
  if (isOpeningCheck(event)) await reportMonthOpen(month);
  const result = await openCycle(month, CYCLE_OPENER);
  const outcome = { month, created: result.created, meetings: result.meetings.length };
  console.log(
    JSON.stringify({ level: 'info', message: result.created ? 'cycle opened' : 'cycle already open', ...outcome }),
  );
  return outcome;
}
