/** The caller as the proposal use cases see them: which proposals they see, and the roles held over one. */
import { type Caller, rolesOver } from '../../shared/domain/access/caller';
import { proposalScopes } from '../../shared/domain/proposals/proposal';
import { PROPOSAL_READERS } from '../../shared/domain/proposals/proposal-lifecycle';
import { Access } from '../../shared/http/access';
import { allow } from '../../shared/http/access-rules';
import { actorOf, personOf } from '../../shared/http/actors';
import type { ProposalActor } from '../../shared/services/proposals/proposal-actions';
import type { ProposalReader } from '../../shared/services/proposals/proposal-search';

/** The readers' rule applied to the caller decides who sees which proposal, on every route. */
export function proposalReader(caller: Caller): ProposalReader {
  const readers = new Access(allow(PROPOSAL_READERS), caller);
  return {
    reach: (kind) => readers.reach(kind),
    sees: (record) => proposalScopes(record).some((scope) => readers.covers(scope)),
  };
}

export function proposalActor(caller: Caller): ProposalActor {
  return {
    actor: actorOf(caller),
    person: personOf(caller),
    rolesOver: (units) => rolesOver(caller.assignments, units),
    sees: proposalReader(caller).sees,
  };
}
