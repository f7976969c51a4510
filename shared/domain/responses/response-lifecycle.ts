/**
 * The official response as a transition table (see `../lifecycle.ts`):
 * `draft ──compile (again, the office)──▶ draft ──issue (the standing board)──▶ issued`, and an
 * issued response is locked for good: a correction is a new response that refers to it.
 */
import { grants } from '../access/grants';
import { Lifecycle } from '../lifecycle';

export const responseStates = ['draft', 'issued'] as const;
export type ResponseState = (typeof responseStates)[number];

export const responseActions = ['compile', 'issue'] as const;
export type ResponseAction = (typeof responseActions)[number];

/** Who reads a draft: the office that compiles it and the standing bodies that review and issue it. */
export const DRAFT_READERS = grants('office', 'standing-board', 'standing-committee');

export const responseLifecycle = new Lifecycle<ResponseState, ResponseAction>({
  noun: 'văn bản trả lời',
  states: responseStates,
  actions: responseActions,
  stateLabels: { draft: 'dự thảo', issued: 'đã ban hành' },
  transitions: [
    { from: 'draft', action: 'compile', to: 'draft', who: grants('office') },
    { from: 'draft', action: 'issue', to: 'issued', who: grants('standing-board') },
  ],
  locked: {
    issued: {
      code: 'response_issued',
      message: 'Văn bản đã ban hành thì không sửa được; hãy lập văn bản đính chính dẫn chiếu văn bản này.',
    },
  },
});
