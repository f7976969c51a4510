/** The district's structure: zones, communes, cells, departments, officials and their assignments. */
import * as z from 'zod/mini';
import { monthWindowsSchema, workingDaysSchema } from '../cycle/meeting-calendar';
import { dateSchema, idSchema, text } from '../schema-kit';
import { roles } from './roles';

export const zoneSchema = z.strictObject({
  id: idSchema,
  name: text(120),
});
export type Zone = z.infer<typeof zoneSchema>;

export const communeSchema = z.strictObject({
  id: idSchema,
  name: text(120),
  /** xã (rural commune) or thị trấn (town). */
  kind: z.enum(['xa', 'thi-tran']),
  zoneId: idSchema,
  /** Default venue when the commune hosts its zone's meeting. */
  hall: z.optional(text(200)),
});
export type Commune = z.infer<typeof communeSchema>;

export const cellSchema = z.strictObject({
  id: idSchema,
  name: text(120),
  communeId: idSchema,
  /** The residential cluster, village or hamlet the cell serves. */
  area: z.optional(text(200)),
});
export type Cell = z.infer<typeof cellSchema>;

export const departmentSchema = z.strictObject({
  id: idSchema,
  name: text(200),
  shortName: z.optional(text(40)),
});
export type Department = z.infer<typeof departmentSchema>;

export const officialSchema = z.strictObject({
  id: idSchema,
  name: text(120),
  title: text(200),
  /** The identity provider's subject (`sub` claim) this official signs in with. */
  subject: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  /** True for invented people in sample districts. */
  sample: z.optional(z.boolean()),
});
export type Official = z.infer<typeof officialSchema>;

export const assignmentInputSchema = z.strictObject({
  officialId: idSchema,
  role: z.enum(roles),
  /** The zone, commune, cell or department the role applies to; absent for district-wide roles. */
  scopeId: z.optional(idSchema),
});
export type AssignmentInput = z.infer<typeof assignmentInputSchema>;
export type Assignment = AssignmentInput & { id: string };

/** Assignment ids are derived, so importing the same file twice finds the same records. */
export function assignmentId(input: AssignmentInput): string {
  return [input.officialId, input.role, input.scopeId ?? 'district'].join('.');
}

export const calendarSchema = z.strictObject({
  /** Public holidays and other dates no meeting may fall on. */
  holidays: z.array(dateSchema),
  /** Weekdays meetings may fall on; Monday to Friday when absent (add `saturday` where offices meet then). */
  workingDays: z.optional(workingDaysSchema),
  /** Windows other than the 5th to the 10th, by month, e.g. after Tết: `{ "2027-02": { "firstDay": 15, "lastDay": 20 } }`. */
  monthWindows: z.optional(monthWindowsSchema),
});
export type Calendar = z.infer<typeof calendarSchema>;
