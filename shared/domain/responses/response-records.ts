/** What the official responses' items hold, as schemas the stores check every read against (see `../answers/answer-records.ts`). */
import * as z from 'zod/mini';
import { personRecord } from '../answers/answer-records';
import { proposalFields } from '../proposals/proposal-fields';
import { lazy } from '../schema-kit';
import type { OfficialResponse, ResponseMonth, ResponseZoneEntry } from './response';
import { responseStates } from './response-lifecycle';

export const officialResponseRecord: z.ZodMiniType<OfficialResponse> = lazy(() =>
  z.looseObject({
    id: z.string(),
    month: z.string(),
    status: z.enum(responseStates),
    title: z.string(),
    corrects: z.optional(z.string()),
    note: z.optional(z.string()),
    entries: z.array(
      z.looseObject({
        proposalId: z.string(),
        number: z.string(),
        zoneId: z.string(),
        field: z.enum(proposalFields),
        cellName: z.optional(z.string()),
        answerIds: z.array(z.string()),
      }),
    ),
    proposalCount: z.number(),
    compiledAt: z.string(),
    compiledBy: personRecord,
    issue: z.optional(
      z.looseObject({
        documentNumber: z.string(),
        date: z.string(),
        signer: z.looseObject({ name: z.string(), title: z.string() }),
        issuedAt: z.string(),
        issuedBy: personRecord,
      }),
    ),
  }),
);

export const responseMonthRecord: z.ZodMiniType<ResponseMonth> = lazy(() =>
  z.looseObject({
    month: z.string(),
    last: z.number(),
    draftId: z.optional(z.string()),
  }),
);

export const responseZoneEntryRecord: z.ZodMiniType<ResponseZoneEntry> = lazy(() =>
  z.looseObject({
    responseId: z.string(),
    documentNumber: z.string(),
    date: z.string(),
    title: z.string(),
    zoneId: z.string(),
    proposals: z.array(z.looseObject({ id: z.string(), number: z.string(), title: z.string() })),
  }),
);
