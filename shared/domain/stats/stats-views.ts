/** What the statistics routes answer, as schemas (the route table, the OpenAPI document and the tests read them). */
import * as z from 'zod/mini';
import { proposalFields } from '../proposals/proposal-fields';
import { named } from '../schema-kit';
import { statsDimensions } from './proposal-stats';

const monthCount = named(z.strictObject({ month: z.string(), count: z.number() }), 'MonthCount');

export const proposalStatsView = named(
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
  }),
  'ProposalStats',
);

export const countDifferenceView = named(
  z.strictObject({
    month: z.string(),
    zoneId: z.string(),
    /** `c|<commune>|<field>|<status>|<level>|<addressee>`. */
    combination: z.string(),
    stored: z.number(),
    recounted: z.number(),
  }),
  'CountDifference',
);

export const countVerificationView = named(
  z.strictObject({
    /** Proposal records recounted. */
    proposals: z.number(),
    /** True when every counter equals the recount. */
    exact: z.boolean(),
    differences: z.array(countDifferenceView),
  }),
  'CountVerification',
);
