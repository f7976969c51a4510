/**
 * Regenerating a rotation once part of the year has happened. Months whose meetings already
 * exist keep the host the meeting names: the meeting has been announced with that host and venue
 * (the commune is marked as having hosted), so the plan must keep telling the truth about those
 * months, and the rest of the year must be balanced around the hosting already done.
 */
import { type HostingWish, planRotation, type RotationInput, type RotationPlan } from './rotation';

/**
 * Plans the year with `fixed` months (1..12 → commune) kept. The fixed months are handed to the
 * planner as the only wishes for those months, so it balances the other months around them
 * (evenness and no back-to-back hosting stay the planner's hard rules); should a fixed host be
 * one the planner cannot honour (a commune since moved to another zone, say), the month is still
 * written back as it happened.
 */
export function planKeepingMonths(input: RotationInput, fixed: ReadonlyMap<number, string>): RotationPlan {
  const wishes: HostingWish[] = input.wishes.map((wish) => ({
    communeId: wish.communeId,
    months: wish.months.filter((month) => !fixed.has(month)),
  }));
  for (const [month, communeId] of fixed) wishes.push({ communeId, months: [month] });
  const plan = planRotation({ ...input, wishes });
  return { year: plan.year, hosts: plan.hosts.map((host, index) => fixed.get(index + 1) ?? host) };
}
