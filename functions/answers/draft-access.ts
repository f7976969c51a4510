/** Who sees draft responses: those who compile and issue them; to everyone else a draft does not exist. */
import { type Caller, rolesOver } from '../../shared/domain/access/caller';
import { rolesOf } from '../../shared/domain/access/grants';
import { DRAFT_READERS } from '../../shared/domain/responses/response-lifecycle';

export function readsDrafts(caller: Caller): boolean {
  const roles = rolesOver(caller.assignments, {});
  return rolesOf(DRAFT_READERS).some((role) => roles.has(role));
}
