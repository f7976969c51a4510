/**
 * A district's configuration file (`infra/districts/<id>.json`): its structure, calendar and
 * deployment settings. The CDK app reads it to deploy the district; `PUT /structure` imports it.
 */
import * as z from 'zod/mini';
import { answerSettingsSchema } from '../answers/answer-settings';
import { reportRulesSchema } from '../proposals/report-rules';
import { idSchema, lazy, text } from '../schema-kit';
import {
  assignmentInputSchema,
  calendarSchema,
  cellSchema,
  communeSchema,
  departmentSchema,
  officialSchema,
  zoneSchema,
} from './entities';
import { scopeOfRole } from './roles';

const alarmEmailsSchema = lazy(() =>
  z.array(z.email('Địa chỉ email không hợp lệ')).check(
    z.minLength(1, 'Cần ít nhất một địa chỉ email nhận cảnh báo'),
    z.maxLength(20),
    z.refine((emails) => new Set(emails.map((email) => email.toLowerCase())).size === emails.length, {
      message: 'Địa chỉ email bị trùng',
    }),
  ),
);

/** A web origin as browsers send it: scheme, lower-case host and an optional port; no path, no `*`. */
const originSchema = z
  .string()
  .check(
    z.regex(
      /^https?:\/\/[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/,
      'Nguồn (origin) phải có dạng https://tên-miền hoặc https://tên-miền:cổng, chữ thường, không có đường dẫn',
    ),
  );

export const deploymentSchema = lazy(() =>
  z.strictObject({
    /** When the monthly cycle opens, in Asia/Ho_Chi_Minh time. */
    cycleOpener: z.strictObject({
      dayOfMonth: z.number().check(z.int(), z.gte(1), z.lte(4)),
      hour: z.number().check(z.int(), z.gte(0), z.lte(23)),
      minute: z.number().check(z.int(), z.gte(0), z.lte(59)),
    }),
    /** Who receives the district's alarms (each address confirms its subscription once). */
    alarmEmails: alarmEmailsSchema,
    /** The API alarms when its p99 latency stays above this, in milliseconds (API Gateway gives up at 30 s). */
    apiLatencyP99Ms: z._default(z.number().check(z.int(), z.gte(100), z.lte(29_000)), 3000),
    /** A CloudWatch dashboard for the district: each one beyond an account's first three is billed. */
    dashboard: z._default(z.boolean(), false),
    /** Cognito's managed login for browser apps; without it, tokens come from `npm run users -- token`. */
    login: z.optional(
      z.strictObject({
        /** `https://<prefix>.auth.<region>.amazoncognito.com`: unique in the region across all AWS accounts. */
        domainPrefix: z
          .string()
          .check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'Tiền tố tên miền không hợp lệ')),
        /** Where the login pages send the authorization code (the browser app's address). */
        callbackUrls: z.array(z.url()).check(z.minLength(1, 'Cần ít nhất một địa chỉ callback')),
        logoutUrls: z.optional(z.array(z.url())),
      }),
    ),
    /**
     * After a point-in-time restore: the restored table, which the stacks then use instead of
     * creating one (see the README's restore runbook). Kept in the file so no later deploy forgets it.
     */
    restoredTableName: z.optional(
      z.string().check(z.regex(/^[A-Za-z0-9_.-]{3,255}$/, 'Tên bảng DynamoDB chỉ gồm chữ, số, _ . - (3–255 ký tự)')),
    ),
    /** Origins (`https://host[:port]`) whose web pages may call the API from a browser; none by default. */
    corsOrigins: z.optional(z.array(originSchema).check(z.maxLength(20))),
  }),
);
export type DeploymentSettings = z.infer<typeof deploymentSchema>;

export const districtConfigSchema = lazy(() =>
  z.strictObject({
    $schema: z.optional(z.string()),
    district: z.strictObject({
      id: idSchema,
      name: text(120),
      province: text(120),
    }),
    /** True when the people in this file are invented sample data. */
    sample: z.optional(z.boolean()),
    deployment: deploymentSchema,
    calendar: calendarSchema,
    /** What cell reports must say: vague phrases and minimum lengths (defaults where absent). */
    reports: z.optional(reportRulesSchema),
    /** When departments' answers fall due, and how the official response is headed and addressed (defaults where absent). */
    answers: z.optional(answerSettingsSchema),
    zones: z.array(zoneSchema),
    communes: z.array(communeSchema),
    cells: z.array(cellSchema),
    departments: z.array(departmentSchema),
    officials: z.array(officialSchema),
    assignments: z.array(assignmentInputSchema),
  }),
);
export type DistrictConfig = z.infer<typeof districtConfigSchema>;

/** The lists of a config, which is all the reference checks read. */
export type ConfigLists = Pick<
  DistrictConfig,
  'zones' | 'communes' | 'cells' | 'departments' | 'officials' | 'assignments'
>;

export interface ConfigProblem {
  /** JSON pointer into the file, e.g. `/communes/3/zoneId`. */
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/**
 * Checks what a schema cannot: unique ids, references to existing units, scopes that match
 * their roles. Returns every problem, not only the first.
 */
export function checkConfigReferences(config: ConfigLists): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const collect = <T extends { id: string }>(name: string, items: readonly T[]): Set<string> => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) {
        problems.push({ path: `/${name}/${index}/id`, code: 'duplicate_id', message: `Mã "${item.id}" bị trùng` });
      }
      seen.add(item.id);
    });
    return seen;
  };
  const ids = {
    zone: collect('zones', config.zones),
    commune: collect('communes', config.communes),
    cell: collect('cells', config.cells),
    department: collect('departments', config.departments),
    official: collect('officials', config.officials),
  };
  const missing = (path: string, kind: string, id: string) =>
    problems.push({ path, code: 'unknown_reference', message: `Không tìm thấy ${kind} có mã "${id}"` });

  config.communes.forEach((commune, i) => {
    if (!ids.zone.has(commune.zoneId)) missing(`/communes/${i}/zoneId`, 'khu', commune.zoneId);
  });
  config.cells.forEach((cell, i) => {
    if (!ids.commune.has(cell.communeId)) missing(`/cells/${i}/communeId`, 'xã', cell.communeId);
  });
  const subjects = new Map<string, number>();
  config.officials.forEach((official, i) => {
    if (official.subject === undefined) return;
    if (subjects.has(official.subject)) {
      problems.push({
        path: `/officials/${i}/subject`,
        code: 'duplicate_subject',
        message: `Tài khoản "${official.subject}" đã gắn với cán bộ khác`,
      });
    }
    subjects.set(official.subject, i);
  });
  const seenAssignments = new Set<string>();
  config.assignments.forEach((assignment, i) => {
    if (!ids.official.has(assignment.officialId)) {
      missing(`/assignments/${i}/officialId`, 'cán bộ', assignment.officialId);
    }
    const scope = scopeOfRole(assignment.role);
    if (scope === null && assignment.scopeId !== undefined) {
      problems.push({
        path: `/assignments/${i}/scopeId`,
        code: 'unexpected_scope',
        message: `Vai trò "${assignment.role}" áp dụng cho toàn huyện, không nhận phạm vi`,
      });
    } else if (scope !== null && assignment.scopeId === undefined) {
      problems.push({
        path: `/assignments/${i}/scopeId`,
        code: 'missing_scope',
        message: `Vai trò "${assignment.role}" cần phạm vi (${scope})`,
      });
    } else if (scope !== null && assignment.scopeId !== undefined && !ids[scope].has(assignment.scopeId)) {
      missing(`/assignments/${i}/scopeId`, scope, assignment.scopeId);
    }
    const key = `${assignment.officialId}|${assignment.role}|${assignment.scopeId ?? ''}`;
    if (seenAssignments.has(key)) {
      problems.push({ path: `/assignments/${i}`, code: 'duplicate_assignment', message: 'Phân công bị trùng' });
    }
    seenAssignments.add(key);
  });
  return problems;
}
