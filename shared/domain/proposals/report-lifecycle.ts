/**
 * The cell report's lifecycle as a transition table (see `../lifecycle.ts`).
 *
 * ```
 * draft ──agree──▶ agreed ──submit──▶ submitted
 *   ▲ └─write─┘      │                  │
 *   └────write───────┘                  │
 *   └────────────────reopen (office)────┘
 * ```
 * The cell secretary writes the report; any change to an agreed report returns it to draft, so the
 * cell committee agrees exactly what is submitted. Once submitted, the cell may still withdraw one
 * of its proposals, with a reason, until the meeting is held. A submitted report is the cell's word to the
 * meeting: only the office may reopen it (audited, with a reason). Every change is refused once
 * the meeting is held (see `report-actions.ts`).
 */
import { grants } from '../access/grants';
import { Lifecycle } from '../lifecycle';

export const reportStates = ['draft', 'agreed', 'submitted'] as const;
export type ReportState = (typeof reportStates)[number];

export const reportActions = ['write', 'agree', 'submit', 'reopen', 'withdraw-proposal'] as const;
export type ReportAction = (typeof reportActions)[number];

/** The cell's own secretary. */
const CELL_SECRETARY = grants({ role: 'cell-secretary', within: 'cell' });
const OFFICE = grants('office');

export const reportStateLabels: Record<ReportState, string> = {
  draft: 'bản nháp',
  agreed: 'chi uỷ đã thông qua',
  submitted: 'đã trình',
};

export const reportLifecycle = new Lifecycle<ReportState, ReportAction>({
  noun: 'báo cáo',
  states: reportStates,
  actions: reportActions,
  stateLabels: reportStateLabels,
  transitions: [
    { from: 'draft', action: 'write', to: 'draft', who: CELL_SECRETARY },
    { from: 'agreed', action: 'write', to: 'draft', who: CELL_SECRETARY },
    { from: 'draft', action: 'agree', to: 'agreed', who: CELL_SECRETARY },
    { from: 'agreed', action: 'agree', to: 'agreed', who: CELL_SECRETARY },
    { from: 'agreed', action: 'submit', to: 'submitted', who: CELL_SECRETARY },
    { from: 'submitted', action: 'reopen', to: 'draft', who: OFFICE },
    // The report stays submitted; the proposal's own table decides whether it may be withdrawn.
    { from: 'submitted', action: 'withdraw-proposal', to: 'submitted', who: CELL_SECRETARY },
  ],
  locked: {
    submitted: {
      code: 'report_submitted',
      message: 'Báo cáo đã trình nên không sửa được nữa; cần Văn phòng Huyện uỷ mở lại.',
    },
  },
  preconditions: {
    submit: {
      code: 'agreement_required',
      message: 'Báo cáo cần được chi uỷ thông qua (agreement) trước khi trình.',
    },
  },
});
