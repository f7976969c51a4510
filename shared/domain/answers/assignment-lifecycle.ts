/**
 * The answer table: one department's part in answering a district-level proposal, as a transition
 * table (see `../lifecycle.ts`).
 *
 * ```
 * awaiting ──hold (a holding answer, with an expected date)──▶ holding ──hold──▶ holding
 *    │                                                            │
 *    └──────────────answer (the substantive one)──────────────────┴──▶ submitted ──accept──▶ accepted
 *                                                                        └──return (with a reason)──▶ returned
 * returned ──hold / answer──▶ holding / submitted          accepted ──reopen (not solved in fact)──▶ awaiting
 * ```
 * Every answer and every review is an item of its own that is never rewritten; this table only
 * decides which may follow which, and who gives them. The proposal's own table records the same
 * steps (`answer`, `accept-answer`, `return-answer`…), each in the same transaction.
 */
import { grants } from '../access/grants';
import { Lifecycle, type Refusal } from '../lifecycle';
import { REVIEWERS } from '../proposals/proposal-lifecycle';

export const assignmentStates = ['awaiting', 'holding', 'submitted', 'accepted', 'returned'] as const;
export type AssignmentState = (typeof assignmentStates)[number];

export const assignmentActions = ['hold', 'answer', 'accept', 'return', 'reopen'] as const;
export type AssignmentAction = (typeof assignmentActions)[number];

/** The assigned department answers, and only its own part. */
const DEPARTMENT = grants({ role: 'department', within: 'department' });
/** The raising cell reopens the answers when the problem was not solved. */
const CELL_SECRETARY = grants({ role: 'cell-secretary', within: 'cell' });

export const assignmentStateLabels: Record<AssignmentState, string> = {
  awaiting: 'chờ trả lời',
  holding: 'đã trả lời tạm, chờ trả lời chính thức',
  submitted: 'đã trả lời, chờ xem xét',
  accepted: 'trả lời đã được chấp nhận',
  returned: 'trả lời chưa đạt, phải trả lời lại',
};

/** The states in which the department still owes an answer: its queue, and what can be overdue. */
export const OWING_STATES: readonly AssignmentState[] = ['awaiting', 'holding', 'returned'];

const UNDER_REVIEW: Refusal = { code: 'answer_under_review', message: 'Trả lời của ban, ngành đang chờ xem xét.' };
/** Also what a review of an answer that is not its department's latest is refused with. */
export const NOT_REVIEWABLE: Refusal = {
  code: 'answer_not_reviewable',
  message: 'Chỉ xem xét trả lời chính thức mới nhất chưa được xem xét của ban, ngành.',
};

export const assignmentLifecycle = new Lifecycle<AssignmentState, AssignmentAction>({
  noun: 'phần trả lời của ban, ngành',
  states: assignmentStates,
  actions: assignmentActions,
  stateLabels: assignmentStateLabels,
  transitions: [
    ...OWING_STATES.flatMap((from) => [
      { from, action: 'hold' as const, to: 'holding' as const, who: DEPARTMENT },
      { from, action: 'answer' as const, to: 'submitted' as const, who: DEPARTMENT },
    ]),
    { from: 'submitted', action: 'accept', to: 'accepted', who: REVIEWERS },
    { from: 'submitted', action: 'return', to: 'returned', who: REVIEWERS },
    { from: 'accepted', action: 'reopen', to: 'awaiting', who: CELL_SECRETARY },
  ],
  locked: {
    accepted: { code: 'answer_accepted', message: 'Trả lời của ban, ngành đã được chấp nhận.' },
  },
  preconditions: { hold: UNDER_REVIEW, answer: UNDER_REVIEW, accept: NOT_REVIEWABLE, return: NOT_REVIEWABLE },
});
