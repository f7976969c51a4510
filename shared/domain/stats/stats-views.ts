/** What the statistics routes answer, as schemas (the route table, the OpenAPI document and the tests read them). */
import * as z from 'zod/mini';
import { proposalFields } from '../proposals/proposal-fields';
import { lazy, named } from '../schema-kit';
import { countCopies } from './proposal-counts';
import { statsDimensions } from './proposal-stats';

const monthCount = named(
  lazy(() => z.strictObject({ month: z.string(), count: z.number() })),
  'MonthCount',
);

/** A part of the whole: how many, and their share of it (4 decimals; null when the whole is 0). */
const share = named(
  lazy(() => z.strictObject({ count: z.number(), share: z.nullable(z.number()) })),
  'Share',
);

const holderCount = named(
  lazy(() => z.strictObject({ key: z.string(), label: z.string(), count: z.number() })),
  'OverdueCount',
);

export const resolutionView = named(
  lazy(() =>
    z.strictObject({
      /** Of the total: closed (imported closed records included). */
      closed: share,
      /** Of the total: the commune's result reported or the district's answer complete, or later. */
      answered: share,
      /** Of the total: closed because the raising cell confirmed it solved on the ground. */
      solvedInFact: share,
      /** The departments' answers to the range's proposals that stand accepted, one per department. */
      answers: z.strictObject({
        accepted: z.number(),
        /** Of the accepted: given by the end of the due day. */
        onTime: share,
        /** Median whole days (Vietnam dates) from raising to acceptance; null with none accepted. */
        medianDaysToAccept: z.nullable(z.number()),
        /** Substantive answers given per accepted answer (1 when none was returned), 2 decimals. */
        reviewRoundsPerAnswer: z.nullable(z.number()),
      }),
      /** Of the range's proposals (same filters), those overdue today: a department's answer or a commune's result. */
      overdue: z.strictObject({
        /** Vietnam date the overdue is counted on: today. */
        asOf: z.string(),
        /** Overdue proposals, each once. */
        proposals: z.number(),
        /** Overdue answers per department; a department's Vietnamese name as `label`. */
        departments: z.array(holderCount),
        /** Overdue results per commune (the commune the proposal is routed to). */
        communes: z.array(holderCount),
      }),
    }),
  ),
  'ProposalResolution',
);

export const proposalStatsView = named(
  lazy(() =>
    z.strictObject({
      from: z.string(),
      to: z.string(),
      by: z.enum(statsDimensions),
      zoneId: z.optional(z.string()),
      field: z.optional(z.enum(proposalFields)),
      /** Proposals raised in the range (imported ones included) that the filters keep. */
      total: z.number(),
      /** One per group with at least one proposal, in the dimension's order; `label` in Vietnamese. */
      groups: z.array(z.strictObject({ key: z.string(), label: z.string(), count: z.number() })),
      /** The month with most proposals (the earliest of a tie); null when there are none. */
      busiestMonth: z.nullable(monthCount),
      /** The month with fewest, among months with at least one; null when there are none. */
      quietestMonth: z.nullable(monthCount),
      /** How the range's proposals (same filters) were resolved, and what is overdue today. */
      resolution: resolutionView,
    }),
  ),
  'ProposalStats',
);

export const countDifferenceView = named(
  lazy(() =>
    z.strictObject({
      month: z.string(),
      zoneId: z.string(),
      /** The copy of the month and zone's counters that differs: `by-month` (the month's items, the district's among them) or `by-zone` (the zone's own). */
      copy: z.enum(countCopies),
      /** The counter: `c|…` (a zone's), `t|…` (the district's), `d|…`, `s|…`, `a|…`, `r|…` or `h|…` (see the README). */
      combination: z.string(),
      stored: z.number(),
      recounted: z.number(),
    }),
  ),
  'CountDifference',
);

export const overdueDifferenceView = named(
  lazy(() =>
    z.strictObject({
      /** The entry's key: first overdue day, proposal, holder and unit; in its zone's copy, after the zone (`<zone>#…`). */
      entry: z.string(),
      /** `missing`: the records owe it and no entry says so; `extra`: an entry nothing owes. */
      kind: z.enum(['missing', 'extra']),
    }),
  ),
  'OverdueDifference',
);

export const countVerificationView = named(
  lazy(() =>
    z.strictObject({
      /** Proposal records recounted. */
      proposals: z.number(),
      /** True when every counter and overdue entry equals the recount and none was left unsettled. */
      exact: z.boolean(),
      differences: z.array(countDifferenceView),
      overdueDifferences: z.array(overdueDifferenceView),
      /**
       * Months and zones still being written through every re-check: not compared (run it again).
       * Every other month and zone was compared within reads that no change came between.
       */
      unsettled: z.array(z.strictObject({ month: z.string(), zoneId: z.string() })),
    }),
  ),
  'CountVerification',
);
export type CountVerification = z.infer<typeof countVerificationView>;
