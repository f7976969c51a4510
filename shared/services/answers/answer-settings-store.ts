/** The district's answer settings as imported from its config, with their defaults. */
import { keys } from '../../db/keys';
import { getStored } from '../../db/store';
import { answerSettingsRecord } from '../../domain/answers/answer-records';
import { type AnswerSettings, answerSettingsOf } from '../../domain/answers/answer-settings';
import { candidateMonths, defaultDueDate } from '../../domain/answers/due-dates';
import { windowOfCycle } from '../../domain/cycle/meeting';
import { resolveMonthWindow } from '../../domain/cycle/meeting-calendar';
import { readMonth } from '../cycle/cycle-store';
import { loadCalendar } from '../cycle/district-data';

export async function loadAnswerSettings(): Promise<AnswerSettings> {
  return answerSettingsOf((await getStored(answerSettingsRecord, keys.answerSettings()))?.value);
}

/** The first day of a month's meeting window: the window it opened with, else the one it will open with. */
async function firstWindowDay(month: string): Promise<number> {
  const [{ cycle, window }, calendar] = await Promise.all([readMonth(month), loadCalendar()]);
  return cycle ? windowOfCycle(cycle.value).firstDay : resolveMonthWindow(month, calendar, window?.value).firstDay;
}

/** When an answer assigned on `today` is due unless the office says otherwise (see `defaultDueDate`). */
export async function defaultDueDateOn(today: string): Promise<string> {
  const months = candidateMonths(today);
  const [settings, firstDays] = await Promise.all([loadAnswerSettings(), Promise.all(months.map(firstWindowDay))]);
  const firstDayOf = new Map(months.map((month, i) => [month, firstDays[i] ?? 1]));
  return defaultDueDate(today, settings.dueDaysBeforeMeetings, (month) => firstDayOf.get(month) ?? 1);
}
