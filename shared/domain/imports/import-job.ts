/**
 * An import of old records runs as a job: the file is checked when it is sent (a bad row rejects
 * it at once, every problem listed), then written in the background, since a file of 20,000 rows
 * writes far more than a request may take. The job says how far it got.
 *
 * ```
 * accepted ──▶ running ──▶ completed
 *                  └─────▶ failed (the error; importing the file again completes it)
 * ```
 */
import * as z from 'zod/mini';
import { personView } from '../cycle/cycle-views';
import type { Person } from '../cycle/meeting';
import { named } from '../schema-kit';

export const importJobStates = ['accepted', 'running', 'completed', 'failed'] as const;
export type ImportJobState = (typeof importJobStates)[number];

export interface ImportJob {
  readonly id: string;
  readonly status: ImportJobState;
  /** Rows of the file, all checked when it was accepted. */
  readonly rows: number;
  /** Parts the file is kept in until the job has run. */
  readonly parts: number;
  readonly acceptedAt: string;
  readonly acceptedBy: Person;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  /** Records written by the job. */
  readonly imported?: number;
  /** Rows whose legacy id had been imported before: nothing written for them. */
  readonly skipped?: number;
  /** Why a failed job stopped. */
  readonly error?: { readonly code: string; readonly message: string };
}

/** A job id in a path: a UUID. */
export const importJobIdSchema = z
  .string()
  .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Mã lần nhập là một UUID'));

export const importJobView = named(
  z.strictObject({
    id: z.string(),
    status: z.enum(importJobStates),
    rows: z.number(),
    parts: z.number(),
    acceptedAt: z.string(),
    acceptedBy: personView,
    startedAt: z.optional(z.string()),
    finishedAt: z.optional(z.string()),
    imported: z.optional(z.number()),
    skipped: z.optional(z.number()),
    error: z.optional(z.strictObject({ code: z.string(), message: z.string() })),
  }),
  'ImportJob',
);
