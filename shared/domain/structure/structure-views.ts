/** What the structure's routes answer, as schemas (see `../cycle/cycle-views.ts`). */
import * as z from 'zod/mini';
import { lazy, named, pageOf } from '../schema-kit';
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

export const zonePageView = named(
  lazy(() => pageOf(zoneView)),
  'ZonePage',
);
export const communePageView = named(
  lazy(() => pageOf(communeView)),
  'CommunePage',
);
export const cellPageView = named(
  lazy(() => pageOf(cellView)),
  'CellPage',
);
export const departmentPageView = named(
  lazy(() => pageOf(departmentView)),
  'DepartmentPage',
);
export const officialPageView = named(
  lazy(() => pageOf(officialView)),
  'OfficialPage',
);
export const assignmentPageView = named(
  lazy(() => pageOf(assignmentView)),
  'AssignmentPage',
);
export const auditPageView = named(
  lazy(() => pageOf(auditEntryView)),
  'AuditPage',
);
