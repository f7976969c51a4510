/**
 * An import runs as a job when its file writes more than a request may take: old records (a file
 * of 20,000 rows) and large structure files (`PUT /structure`). The file is checked when it is
 * sent (a bad file is rejected at once, every problem listed), then written in the background.
 * The job says how far it got.
 *
 * ```
 * accepted ──▶ running ──▶ completed
 *                  └─────▶ failed (the error; importing the file again completes it)
 * ```
 */
import * as z from 'zod/mini';
import { personView } from '../cycle/cycle-views';
import type { Person } from '../cycle/meeting';
import { lazy, named, shapeOf } from '../schema-kit';
import { importSummaryView } from '../structure/structure-views';

export const importJobStates = ['accepted', 'running', 'completed', 'failed'] as const;
export type ImportJobState = (typeof importJobStates)[number];

/**
 * The most transactions a structure file may need to be imported in the request; a larger one is
 * a job. A transaction holds 100 actions and each new or changed record takes two (its item and
 * its audit record), each kind's records in transactions of their own: a 60-zone district of the
 * bench's shape (two communes of two cells a zone) imported into an empty table needs 34, so a
 * file becomes a job from roughly 2,500 new records (hundreds of zones, or a zone of thousands of
 * cells). The bound keeps the request's time in hand: the import writes its phases one after
 * another, each phase's transactions four at a time, inside the structure writer's 15 s limit.
 */
export const MAX_SYNC_TRANSACTIONS = 50;

/** What a job imports: old proposal records, or the district's structure. */
export const importJobKinds = ['proposals', 'structure'] as const;
export type ImportJobKind = (typeof importJobKinds)[number];

/** What a structure import changed (or, for a job, will change), counted by record. */
export interface ImportSummary {
  readonly created: number;
  readonly updated: number;
  readonly deleted: number;
  readonly unchanged: number;
}

export interface ImportJob {
  readonly id: string;
  readonly kind: ImportJobKind;
  readonly status: ImportJobState;
  /** Rows of the file (a structure file: its units and assignments), all checked when it was accepted. */
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
  /** A structure job: what the file changes, as planned when it was accepted. */
  readonly summary?: ImportSummary;
  /** Why a failed job stopped. */
  readonly error?: { readonly code: string; readonly message: string };
}

/** A job id in a path: a UUID. */
export const importJobIdSchema = z
  .string()
  .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Mã lần nhập là một UUID'));

export const importJobView = named(
  lazy(() =>
    z.strictObject({
      id: z.string(),
      kind: z.enum(importJobKinds),
      status: z.enum(importJobStates),
      rows: z.number(),
      parts: z.number(),
      acceptedAt: z.string(),
      acceptedBy: personView,
      startedAt: z.optional(z.string()),
      finishedAt: z.optional(z.string()),
      imported: z.optional(z.number()),
      skipped: z.optional(z.number()),
      summary: z.optional(importSummaryView),
      error: z.optional(z.strictObject({ code: z.string(), message: z.string() })),
    }),
  ),
  'ImportJob',
);

/** A stored job: a job kept before jobs had kinds has none (it imported proposals). */
export const importJobRecord = lazy(() =>
  z.looseObject({ ...shapeOf(importJobView), kind: z.optional(z.enum(importJobKinds)) }),
);
