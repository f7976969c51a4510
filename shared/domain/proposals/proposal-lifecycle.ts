/**
 * The proposal lifecycle as a transition table (see `../lifecycle.ts`).
 *
 * ```
 * submitted ──raise (at the meeting's close)──▶ raised ──route-to-commune──▶ routed-commune ─┐
 *     │                                            └──route-to-district──▶ routed-district ◀─┘ (re-routing
 *     └──withdraw (the cell)──▶ withdrawn        raised / routed-* ──merge──▶ merged            both ways)
 * ```
 * A proposal is `submitted` while it sits in a submitted report; the meeting's close raises it
 * (floor proposals are raised without being submitted). The answers work extends the routed states
 * towards `closed`. A merged proposal is folded into another (`absorb` on the other keeps it open
 * and records the merge in its history). The grants below are the only statement of who routes and
 * merges: the route table reads them through `grantsFor`.
 */
import { grants } from '../access/grants';
import { Lifecycle } from '../lifecycle';

export const proposalStates = [
  'submitted',
  'raised',
  'routed-commune',
  'routed-district',
  'closed',
  'withdrawn',
  'merged',
] as const;
export type ProposalState = (typeof proposalStates)[number];

/** The states of a proposal record: what has been raised (a submitted or withdrawn proposal is still its report's). */
export const recordStates = ['raised', 'routed-commune', 'routed-district', 'closed', 'merged'] as const;

export const proposalActions = [
  'raise',
  'withdraw',
  'route-to-commune',
  'route-to-district',
  'merge',
  'absorb',
] as const;
export type ProposalAction = (typeof proposalActions)[number];

/** Who closes the meeting raises its proposals: the office, or the zone deputy of its zone. */
const RAISERS = grants('office', { role: 'zone-deputy', within: 'zone' });
/** The office, and the zone's head and deputy, route and merge the zone's proposals. */
const ROUTERS = grants('office', { role: 'zone-head', within: 'zone' }, { role: 'zone-deputy', within: 'zone' });
const CELL_SECRETARY = grants({ role: 'cell-secretary', within: 'cell' });

/**
 * Who may read proposals, each through its own units (see `proposalScopes`): the office and the
 * standing bodies all of them; zone leaders their zone's; commune leaders those of their communes'
 * cells and those routed to their commune; departments those addressed to them; cell secretaries
 * their cell's.
 */
export const PROPOSAL_READERS = grants(
  'office',
  'standing-board',
  'standing-committee',
  { role: 'zone-head', within: 'zone' },
  { role: 'zone-deputy', within: 'zone' },
  { role: 'commune-in-charge', within: 'commune' },
  { role: 'commune-secretary', within: 'commune' },
  { role: 'commune-chair', within: 'commune' },
  { role: 'department', within: 'department' },
  { role: 'cell-secretary', within: 'cell' },
);

const OPEN_RECORD_STATES = ['raised', 'routed-commune', 'routed-district'] as const;

export const proposalStateLabels: Record<ProposalState, string> = {
  submitted: 'đã trình trong báo cáo',
  raised: 'đã nêu tại hội nghị',
  'routed-commune': 'chuyển xã giải quyết',
  'routed-district': 'chuyển Văn phòng Huyện uỷ tổng hợp',
  closed: 'đã kết thúc',
  withdrawn: 'chi bộ đã rút',
  merged: 'đã gộp vào kiến nghị khác',
};

/** True while a proposal waits for something to be done: it stays in its zone's carry-over. */
export function isOpen(state: ProposalState): boolean {
  return (OPEN_RECORD_STATES as readonly ProposalState[]).includes(state);
}

export const proposalLifecycle = new Lifecycle<ProposalState, ProposalAction>({
  noun: 'kiến nghị',
  states: proposalStates,
  actions: proposalActions,
  stateLabels: proposalStateLabels,
  transitions: [
    { from: 'submitted', action: 'raise', to: 'raised', who: RAISERS },
    { from: 'submitted', action: 'withdraw', to: 'withdrawn', who: CELL_SECRETARY },
    { from: 'raised', action: 'route-to-commune', to: 'routed-commune', who: ROUTERS },
    { from: 'raised', action: 'route-to-district', to: 'routed-district', who: ROUTERS },
    { from: 'routed-district', action: 'route-to-commune', to: 'routed-commune', who: ROUTERS },
    { from: 'routed-commune', action: 'route-to-district', to: 'routed-district', who: ROUTERS },
    ...OPEN_RECORD_STATES.flatMap((from) => [
      { from, action: 'merge' as const, to: 'merged' as const, who: ROUTERS },
      { from, action: 'absorb' as const, to: from, who: ROUTERS },
    ]),
  ],
  locked: {
    closed: { code: 'proposal_closed', message: 'Kiến nghị đã kết thúc.' },
    withdrawn: { code: 'proposal_withdrawn', message: 'Chi bộ đã rút kiến nghị này.' },
    merged: {
      code: 'proposal_merged',
      message: 'Kiến nghị đã được gộp vào kiến nghị khác; hãy thao tác trên kiến nghị đó.',
    },
  },
});
