/**
 * The `answers` part of a district's config: when departments' answers fall due, and how the
 * district's official response is headed and addressed. Every part is optional; the defaults
 * below fill the rest.
 */
import * as z from 'zod/mini';
import { lazy, text } from '../schema-kit';

export const answerSettingsSchema = lazy(() =>
  z.strictObject({
    /** Answers are due this many days before the first day of next month's meeting window. */
    dueDaysBeforeMeetings: z.optional(z.number().check(z.int(), z.gte(1), z.lte(28))),
    /** The issuing body in the response's heading, e.g. "HUYỆN UỶ GIA LỘC". */
    issuingBody: z.optional(text(120)),
    /** The place in the date line, e.g. "Gia Lộc" ("Gia Lộc, ngày 28 tháng 3 năm 2027"). */
    place: z.optional(text(60)),
    /** "Nơi nhận": who the response is sent to. */
    recipients: z.optional(z.array(text(200)).check(z.minLength(1), z.maxLength(20))),
  }),
);
export type AnswerSettingsInput = z.infer<typeof answerSettingsSchema>;

export interface AnswerSettings {
  readonly dueDaysBeforeMeetings: number;
  readonly issuingBody: string;
  readonly place: string;
  readonly recipients: readonly string[];
}

/** A week before next month's meetings leaves the office time to compile and the board to issue. */
export const DEFAULT_DUE_DAYS = 7;

export const DEFAULT_RECIPIENTS: readonly string[] = [
  'Thường trực Huyện uỷ',
  'Các đồng chí Uỷ viên Ban Thường vụ Huyện uỷ',
  'Các đồng chí trưởng khu, phó khu',
  'Đảng uỷ các xã, thị trấn',
  'Các ban, ngành có liên quan',
  'Lưu Văn phòng Huyện uỷ',
];

/** What is stored of a district for its answers: its config's `answers` and its name. */
export interface StoredAnswerSettings extends AnswerSettingsInput {
  /** `Huyện Gia Lộc`. */
  readonly districtName: string;
}

/** The district's settings with the defaults filled in: the place and body come from its name. */
export function answerSettingsOf(stored: StoredAnswerSettings | undefined): AnswerSettings {
  const place = (stored?.districtName ?? 'Huyện').replace(/^Huyện\s+/u, '');
  return {
    dueDaysBeforeMeetings: stored?.dueDaysBeforeMeetings ?? DEFAULT_DUE_DAYS,
    issuingBody: stored?.issuingBody ?? `HUYỆN UỶ ${place.toLocaleUpperCase('vi')}`,
    place: stored?.place ?? place,
    recipients: stored?.recipients ?? DEFAULT_RECIPIENTS,
  };
}
