/**
 * The proposal lifecycle as a transition table (see `../lifecycle.ts`).
 *
 * ```
 * submitted ──raise (at the meeting's close)──▶ raised ──route-to-commune──▶ routed-commune ─┐
 *     │                                            └──route-to-district──▶ routed-district ◀─┘ (re-routing
 *     └──withdraw (the cell)──▶ withdrawn        raised / routed-* ──merge──▶ merged            both ways)
 *
 * routed-commune ──report-result (the commune)──▶ result-reported ──announce (at the zone's close)──▶ announced
 *      └──escalate (beyond its authority)──▶ routed-district
 * routed-district ──assign (the office)──▶ assigned ──answer / accept-answer / return-answer──▶ assigned
 *      assigned ──complete-answer (the last answer accepted)──▶ answered ──include-in-response──▶ responded
 *      responded ──announce (at the zone's close)──▶ announced
 * announced ──confirm-solved (the cell)──▶ closed
 *      └──reopen-to-commune / reopen-to-district (not solved)──▶ routed-commune / assigned
 * ```
 * A proposal is `submitted` while it sits in a submitted report; the meeting's close raises it
 * (floor proposals are raised without being submitted). A merged proposal is folded into another
 * (`absorb` on the other keeps it open and records the merge in its history). Each department's
 * part of a district answer has a table of its own (`../answers/assignment-lifecycle.ts`); the
 * proposal's `answered` is reached when every assigned department's latest answer is accepted.
 * A zone's close also marks the commune proposals it was due to hear a result of (`mark-overdue`),
 * and a cell may remind whoever holds an overdue one (`remind`). The grants below are the only
 * statement of who acts: the route table reads them through `grantsFor`.
 */
import { grants } from '../access/grants';
import { Lifecycle, type Refusal } from '../lifecycle';

/** The states of a raised proposal on its way, to its end: `closed`. */
const raisedStates = [
  'raised',
  'routed-commune',
  'routed-district',
  'result-reported',
  'assigned',
  'answered',
  'responded',
  'announced',
  'closed',
] as const;

export const proposalStates = ['submitted', ...raisedStates, 'withdrawn', 'merged'] as const;
export type ProposalState = (typeof proposalStates)[number];

/** The states of a proposal record: what has been raised (a submitted or withdrawn proposal is still its report's). */
export const recordStates = [...raisedStates, 'merged'] as const;

export const proposalActions = [
  'raise',
  'withdraw',
  'route-to-commune',
  'route-to-district',
  'merge',
  'absorb',
  'report-result',
  'escalate',
  'mark-overdue',
  'assign',
  'answer',
  'accept-answer',
  'return-answer',
  'complete-answer',
  'include-in-response',
  'announce',
  'confirm-solved',
  'reopen-to-commune',
  'reopen-to-district',
  'remind',
] as const;
export type ProposalAction = (typeof proposalActions)[number];

/** Who closes the meeting raises its proposals: the office, or the zone deputy of its zone. */
const RAISERS = grants('office', { role: 'zone-deputy', within: 'zone' });
/** The office, and the zone's head and deputy, route and merge the zone's proposals. */
const ROUTERS = grants('office', { role: 'zone-head', within: 'zone' }, { role: 'zone-deputy', within: 'zone' });
const CELL_SECRETARY = grants({ role: 'cell-secretary', within: 'cell' });
/** The party secretary or the chair of the commune a proposal is routed to report its result. */
export const COMMUNE_LEADERS = grants(
  { role: 'commune-secretary', within: 'commune' },
  { role: 'commune-chair', within: 'commune' },
);
const OFFICE = grants('office');
/** A department answers what it is assigned. */
const DEPARTMENT = grants({ role: 'department', within: 'department' });
/** The office or the standing board accept an answer or return it. */
export const REVIEWERS = grants('office', 'standing-board');
/** The standing board issues the official response, which takes in the proposals it answers. */
export const ISSUERS = grants('standing-board');

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

/** Where a proposal may still be merged: before anyone has started answering it. */
const MERGEABLE_STATES = ['raised', 'routed-commune', 'routed-district'] as const;
/** Everything between raising and closing: the zone's carry-over. */
const OPEN_RECORD_STATES: readonly ProposalState[] = [
  ...MERGEABLE_STATES,
  'result-reported',
  'assigned',
  'answered',
  'responded',
  'announced',
];

export const proposalStateLabels: Record<ProposalState, string> = {
  submitted: 'đã trình trong báo cáo',
  raised: 'đã nêu tại hội nghị',
  'routed-commune': 'chuyển xã giải quyết',
  'routed-district': 'chuyển Văn phòng Huyện uỷ tổng hợp',
  'result-reported': 'xã đã báo cáo kết quả',
  assigned: 'đã giao ban, ngành trả lời',
  answered: 'trả lời đã được chấp nhận',
  responded: 'đã có văn bản trả lời chính thức',
  announced: 'đã thông báo tại hội nghị, chờ chi bộ xác nhận',
  closed: 'đã kết thúc',
  withdrawn: 'chi bộ đã rút',
  merged: 'đã gộp vào kiến nghị khác',
};

/** True while a proposal waits for something to be done: it stays in its zone's carry-over. */
export function isOpen(state: ProposalState): boolean {
  return OPEN_RECORD_STATES.includes(state);
}

const AT_COMMUNE: Refusal = {
  code: 'not_routed_to_commune',
  message: 'Chỉ báo cáo kết quả kiến nghị đang được chuyển xã giải quyết.',
};
const AWAITING_ANSWERS: Refusal = {
  code: 'not_awaiting_answers',
  message: 'Kiến nghị không còn chờ ban, ngành trả lời.',
};
const ANNOUNCED: Refusal = {
  code: 'not_announced',
  message: 'Chi bộ xác nhận sau khi trả lời hoặc kết quả đã được thông báo tại hội nghị.',
};
/** Also what a reminder on a proposal that is not overdue is refused with. */
export const NOT_OVERDUE: Refusal = {
  code: 'not_overdue',
  message: 'Chỉ nhắc kiến nghị đã quá hạn mà chưa được giải quyết.',
};

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
    ...MERGEABLE_STATES.flatMap((from) => [
      { from, action: 'merge' as const, to: 'merged' as const, who: ROUTERS },
      { from, action: 'absorb' as const, to: from, who: ROUTERS },
    ]),
    { from: 'routed-commune', action: 'report-result', to: 'result-reported', who: COMMUNE_LEADERS },
    { from: 'routed-commune', action: 'escalate', to: 'routed-district', who: COMMUNE_LEADERS },
    { from: 'routed-commune', action: 'mark-overdue', to: 'routed-commune', who: RAISERS },
    { from: 'routed-district', action: 'assign', to: 'assigned', who: OFFICE },
    { from: 'assigned', action: 'assign', to: 'assigned', who: OFFICE },
    { from: 'assigned', action: 'answer', to: 'assigned', who: DEPARTMENT },
    { from: 'assigned', action: 'accept-answer', to: 'assigned', who: REVIEWERS },
    { from: 'assigned', action: 'return-answer', to: 'assigned', who: REVIEWERS },
    { from: 'assigned', action: 'complete-answer', to: 'answered', who: REVIEWERS },
    { from: 'answered', action: 'include-in-response', to: 'responded', who: ISSUERS },
    { from: 'result-reported', action: 'announce', to: 'announced', who: RAISERS },
    { from: 'responded', action: 'announce', to: 'announced', who: RAISERS },
    { from: 'announced', action: 'confirm-solved', to: 'closed', who: CELL_SECRETARY },
    { from: 'announced', action: 'reopen-to-commune', to: 'routed-commune', who: CELL_SECRETARY },
    { from: 'announced', action: 'reopen-to-district', to: 'assigned', who: CELL_SECRETARY },
    { from: 'routed-commune', action: 'remind', to: 'routed-commune', who: CELL_SECRETARY },
    { from: 'assigned', action: 'remind', to: 'assigned', who: CELL_SECRETARY },
  ],
  locked: {
    closed: { code: 'proposal_closed', message: 'Kiến nghị đã kết thúc.' },
    withdrawn: { code: 'proposal_withdrawn', message: 'Chi bộ đã rút kiến nghị này.' },
    merged: {
      code: 'proposal_merged',
      message: 'Kiến nghị đã được gộp vào kiến nghị khác; hãy thao tác trên kiến nghị đó.',
    },
  },
  preconditions: {
    'report-result': AT_COMMUNE,
    escalate: AT_COMMUNE,
    assign: {
      code: 'not_routed_to_district',
      message: 'Chỉ giao ban, ngành trả lời kiến nghị đã chuyển Văn phòng Huyện uỷ tổng hợp.',
    },
    answer: AWAITING_ANSWERS,
    'accept-answer': AWAITING_ANSWERS,
    'return-answer': AWAITING_ANSWERS,
    'complete-answer': AWAITING_ANSWERS,
    'confirm-solved': ANNOUNCED,
    'reopen-to-commune': ANNOUNCED,
    'reopen-to-district': ANNOUNCED,
    remind: NOT_OVERDUE,
  },
});
