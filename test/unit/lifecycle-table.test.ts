/** The transition-table machinery itself, on a small table of its own: refusals, messages and grants. */
import { describe, expect, it } from 'vitest';
import { Lifecycle } from '../../shared/domain/lifecycle';
import type { Role } from '../../shared/domain/structure/roles';

type State = 'open' | 'closed';
type Action = 'close' | 'note' | 'audit';

/** Built inside each test: Stryker's per-test coverage does not see code run while the file loads. */
function lifecycle(withLock: boolean) {
  return new Lifecycle<State, Action>({
    noun: 'ếch',
    states: ['open', 'closed'],
    actions: ['close', 'note', 'audit'],
    stateLabels: { open: 'đang mở', closed: 'đã đóng' },
    transitions: [
      { from: 'open', action: 'close', to: 'closed', who: [{ role: 'office' }] },
      { from: 'open', action: 'note', to: 'open', who: [{ role: 'cell-secretary', within: 'cell' }] },
      { from: 'open', action: 'note', to: 'open', who: [{ role: 'office' }] },
    ],
    ...(withLock ? { locked: { closed: { code: 'frog_closed', message: 'Ếch đã đóng.' } } } : {}),
  });
}

const office = new Set<Role>(['office']);
const secretary = new Set<Role>(['cell-secretary']);

describe('a lifecycle', () => {
  it('lists its transitions', () => {
    expect(lifecycle(false).transitions.map((t) => `${t.from} ${t.action}`)).toEqual([
      'open close',
      'open note',
      'open note',
    ]);
  });

  it('refuses an action out of a state without a lock as an invalid transition, naming the state and its label', () => {
    expect(lifecycle(false).can('closed', 'close', office)).toEqual({ allowed: false, refusal: 'invalid_transition' });
    expect(() => lifecycle(false).require('closed', 'close', office)).toThrow(
      expect.objectContaining({
        status: 409,
        code: 'invalid_transition',
        detail: 'Ếch đang ở trạng thái "closed" (đã đóng); không thể thực hiện "close".',
      }),
    );
  });

  it('answers a locked state with its own code', () => {
    expect(lifecycle(true).can('closed', 'close', office)).toEqual({ allowed: false, refusal: 'locked' });
    expect(() => lifecycle(true).require('closed', 'close', office)).toThrow(
      expect.objectContaining({ status: 409, code: 'frog_closed', detail: 'Ếch đã đóng.' }),
    );
  });

  it('answers 403, not the lock, to a role that may never take the action', () => {
    expect(() => lifecycle(true).require('closed', 'close', secretary)).toThrow(
      expect.objectContaining({ status: 403, code: 'forbidden', detail: expect.stringMatching(/"close".*ếch/) }),
    );
  });

  it('gathers each grant of the given actions once, and refuses to grant an action no row names', () => {
    expect(lifecycle(false).grantsFor('note')).toEqual([
      { role: 'cell-secretary', within: 'cell' },
      { role: 'office' },
    ]);
    expect(lifecycle(false).rolesFor('close')).toEqual(['office']);
    expect(() => lifecycle(false).grantsFor('audit')).toThrow('ếch: no transition for action audit');
  });

  it('keeps a role granted within a unit apart from the same role granted everywhere', () => {
    const table = new Lifecycle<State, Action>({
      noun: 'ếch',
      states: ['open', 'closed'],
      actions: ['close', 'note', 'audit'],
      stateLabels: { open: 'đang mở', closed: 'đã đóng' },
      transitions: [
        { from: 'open', action: 'audit', to: 'open', who: [{ role: 'zone-head', within: 'zone' }] },
        { from: 'closed', action: 'audit', to: 'closed', who: [{ role: 'zone-head' }] },
      ],
    });

    expect(table.grantsFor('audit')).toEqual([{ role: 'zone-head', within: 'zone' }, { role: 'zone-head' }]);
  });
});
