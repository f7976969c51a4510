/** What `GET /overdue` answers, as schemas. */
import * as z from 'zod/mini';
import { lazy, named } from '../schema-kit';
import { reminderView } from './answer-views';
import { assignmentStates } from './assignment-lifecycle';

/** What each item says of its proposal, and the reminders its cell sent. */
const proposalFields = {
  proposalId: z.string(),
  number: z.string(),
  title: z.string(),
  zoneId: z.string(),
  cellId: z.optional(z.string()),
  reminderCount: z.number(),
  lastReminder: z.optional(reminderView),
};

const owedAnswerView = named(
  lazy(() =>
    z.strictObject({
      ...proposalFields,
      status: z.enum(assignmentStates),
      dueDate: z.string(),
      /** Days past the due day; negative while it is still ahead. */
      daysOverdue: z.number(),
    }),
  ),
  'OwedAnswer',
);

const owedResultView = named(
  lazy(() =>
    z.strictObject({
      ...proposalFields,
      /** The month of the zone's meeting that was to hear the result. */
      dueMonth: z.optional(z.string()),
      overdueSince: z.optional(z.string()),
    }),
  ),
  'OwedResult',
);

export const overdueView = named(
  lazy(() =>
    z.strictObject({
      /** Today in Vietnam, the day everything is counted from. */
      asOf: z.string(),
      departments: z.array(
        z.strictObject({
          departmentId: z.string(),
          departmentName: z.string(),
          overdue: z.array(owedAnswerView),
          /** Due today or within the next days. */
          dueSoon: z.array(owedAnswerView),
        }),
      ),
      communes: z.array(
        z.strictObject({ communeId: z.string(), communeName: z.string(), overdue: z.array(owedResultView) }),
      ),
    }),
  ),
  'Overdue',
);
