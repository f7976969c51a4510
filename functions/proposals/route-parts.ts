/** What both halves of the reports' and proposals' route table share: its tag, path parameters and problems. */
import * as z from 'zod/mini';
import { proposalIdSchema } from '../../shared/domain/proposals/proposal';
import { pathIdSchema } from '../../shared/domain/schema-kit';

export const tag = 'Báo cáo và kiến nghị';

export const meetingPath = z.strictObject({ meetingId: pathIdSchema });

export const reportPath = z.strictObject({ meetingId: pathIdSchema, cellId: pathIdSchema });

export const proposalPath = z.strictObject({ proposalId: proposalIdSchema });

export const reportNotFound = ['meeting_not_found', 'cell_not_in_meeting', 'report_not_found'];
