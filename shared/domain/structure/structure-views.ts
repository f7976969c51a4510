/** What the structure's routes answer, as schemas (see `../cycle/cycle-views.ts`). */
import * as z from 'zod/mini';
import { lazy, named, namedPageOf } from '../schema-kit';
import {
  assignmentInputSchema,
  calendarSchema,
  cellSchema,
  communeSchema,
  departmentSchema,
  officialSchema,
  zoneSchema,
} from './entities';

export const zoneView = named(zoneSchema, 'Zone');
export const communeView = named(communeSchema, 'Commune');
export const cellView = named(cellSchema, 'Cell');
export const departmentView = named(departmentSchema, 'Department');
export const officialView = named(officialSchema, 'Official');

/** Not lazy: the reads page and project assignments by its fields. */
export const assignmentView = named(
  z.strictObject({
    ...assignmentInputSchema.shape,
    id: z.string(),
    zoneId: z.optional(z.string()),
    communeId: z.optional(z.string()),
    cellId: z.optional(z.string()),
    departmentId: z.optional(z.string()),
  }),
  'Assignment',
);

export const calendarView = named(calendarSchema, 'Calendar');

export const meView = named(
  lazy(() => z.strictObject({ official: officialView, assignments: z.array(assignmentView) })),
  'Me',
);

export const auditEntryView = named(
  lazy(() =>
    z.strictObject({
      entity: z.strictObject({ type: z.string(), id: z.string() }),
      action: z.string(),
      actor: z.string(),
      at: z.string(),
      before: z.optional(z.unknown()),
      after: z.optional(z.unknown()),
      reason: z.optional(z.string()),
    }),
  ),
  'AuditEntry',
);

export const importSummaryView = named(
  lazy(() => z.strictObject({ created: z.number(), updated: z.number(), deleted: z.number(), unchanged: z.number() })),
  'ImportSummary',
);

export const zonePageView = namedPageOf(zoneView, 'ZonePage');
export const communePageView = namedPageOf(communeView, 'CommunePage');
export const cellPageView = namedPageOf(cellView, 'CellPage');
export const departmentPageView = namedPageOf(departmentView, 'DepartmentPage');
export const officialPageView = namedPageOf(officialView, 'OfficialPage');
export const assignmentPageView = namedPageOf(assignmentView, 'AssignmentPage');
export const auditPageView = namedPageOf(auditEntryView, 'AuditPage');
