/** Who may call a route, in the words of the people who hold the roles: written into the API description. */
import type { Grant } from '../domain/access/grants';
import { roleCatalogue, type ScopeKind } from '../domain/structure/roles';
import type { AccessRule } from './access-rules';

/** The qualifier of a grant that only reaches resources of the caller's own unit. */
const withinOwn: Record<ScopeKind, string> = {
  zone: 'trong khu của mình',
  commune: 'trong xã của mình',
  cell: 'trong chi bộ của mình',
  department: 'trong ban, ngành của mình',
};

/** `Phó khu (thư ký) (zone-deputy) trong khu của mình` */
function describeGrant(grant: Grant): string {
  const role = `${roleCatalogue[grant.role].label.vi} (${grant.role})`;
  return grant.within ? `${role} ${withinOwn[grant.within]}` : role;
}

/** One line naming everyone the rule lets in. */
export function describeAccess(rule: AccessRule): string {
  switch (rule.kind) {
    case 'public':
      return 'Công khai: không cần mã truy cập.';
    case 'signed-in':
      return 'Mọi cán bộ đã đăng nhập.';
    case 'grants':
      return `${rule.grants.map(describeGrant).join('; ')}.`;
  }
}
