/**
 * Workflows as transition tables: one row per (from-state, action) that is allowed, with the state
 * it leads to and the grants of who may take it. Meetings use it now; reports, proposals and answers
 * declare their own tables the same way. Nothing else decides whether an action fits a state, and
 * the route table takes each action's grants from here (`grantsFor`), so who may act is written once.
 */

import { type Grant, rolesOf } from './access/grants';
import { ConflictError, ForbiddenError } from './errors';
import type { Role } from './structure/roles';

export interface Transition<S extends string, A extends string> {
  readonly from: S;
  readonly action: A;
  readonly to: S;
  readonly who: readonly Grant[];
}

export type TransitionDecision<S extends string> =
  | { readonly allowed: true; readonly to: S }
  /** `forbidden`: no role of the caller may take the action here; `locked`: a final state; else not from this state. */
  | { readonly allowed: false; readonly refusal: 'forbidden' | 'invalid_transition' | 'locked' };

export interface LifecycleSpec<S extends string, A extends string> {
  /** Vietnamese noun of the thing, for messages ("cuộc họp"). */
  readonly noun: string;
  readonly states: readonly S[];
  readonly actions: readonly A[];
  readonly stateLabels: Readonly<Record<S, string>>;
  readonly transitions: readonly Transition<S, A>[];
  /** States whose record is locked: a refused action there says so with its own code and message. */
  readonly locked?: Partial<Readonly<Record<S, { readonly code: string; readonly message: string }>>>;
}

export class Lifecycle<S extends string, A extends string> {
  constructor(readonly spec: LifecycleSpec<S, A>) {}

  get transitions(): readonly Transition<S, A>[] {
    return this.spec.transitions;
  }

  /**
   * Whether callers holding `roles` may take `action` in `state`. A role that may take the action
   * in no state at all is refused as forbidden; a role that may, but not from this state, is
   * refused by state (`locked` in a locked state).
   */
  can(state: S, action: A, roles: ReadonlySet<Role>): TransitionDecision<S> {
    const holds = (row: Transition<S, A>) => row.who.some((grant) => roles.has(grant.role));
    const row = this.spec.transitions.find((r) => r.from === state && r.action === action);
    if (row) return holds(row) ? { allowed: true, to: row.to } : { allowed: false, refusal: 'forbidden' };
    if (!this.spec.transitions.some((r) => r.action === action && holds(r))) {
      return { allowed: false, refusal: 'forbidden' };
    }
    return { allowed: false, refusal: this.spec.locked?.[state] ? 'locked' : 'invalid_transition' };
  }

  /** Like `can`, but throws the refusal as a 403 or 409 and returns the state the action leads to. */
  require(state: S, action: A, roles: ReadonlySet<Role>): S {
    const decision = this.can(state, action, roles);
    if (decision.allowed) return decision.to;
    const { noun, stateLabels, locked } = this.spec;
    const lock = locked?.[state];
    if (decision.refusal === 'locked' && lock) throw new ConflictError(lock.code, lock.message);
    if (decision.refusal === 'forbidden') {
      throw new ForbiddenError(`Vai trò của bạn không được thực hiện "${action}" với ${noun} này.`);
    }
    throw new ConflictError(
      'invalid_transition',
      `${capitalise(noun)} đang ở trạng thái "${state}" (${stateLabels[state]}); không thể thực hiện "${action}".`,
    );
  }

  /** Everyone who may take `action` in some state: the route's access rule for that action. */
  grantsFor(action: A): readonly Grant[] {
    const seen = new Map<string, Grant>();
    for (const row of this.spec.transitions) {
      if (row.action !== action) continue;
      for (const grant of row.who) seen.set(`${grant.role}/${grant.within ?? ''}`, grant);
    }
    if (seen.size === 0) throw new Error(`${this.spec.noun}: no transition for action ${action}`);
    return [...seen.values()];
  }

  /** The roles that may take `action` somewhere in the table. */
  rolesFor(action: A): readonly Role[] {
    return rolesOf(this.grantsFor(action));
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
