/** What both halves of the cycle's route table share: its tag and path parameters. */
import * as z from 'zod/mini';
import { monthSchema, pathIdSchema, yearParamSchema } from '../../shared/domain/schema-kit';

export const tag = 'Kỳ giao ban';

export const zoneYearPath = z.strictObject({ zoneId: pathIdSchema, year: yearParamSchema });
export const monthPath = z.strictObject({ month: monthSchema });
export const meetingPath = z.strictObject({ meetingId: pathIdSchema });
