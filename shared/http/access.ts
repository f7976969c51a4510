/** Applies a route's access rule to a caller: the only place that decides who may do what. */

import type { Caller, CallerAssignment } from '../domain/access/caller';
import type { Grant } from '../domain/access/grants';
import { parseMeetingId } from '../domain/cycle/meeting-id';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import type { ScopeKind } from '../domain/structure/roles';
import type { AccessRule, ResourceScopeSource } from './access-rules';
import { decodePathSegment } from './request';

/** The units a resource belongs to; a check compares them with the caller's assignments. */
export type UnitScope = Partial<Record<ScopeKind, string>>;

const reachOf: Record<ScopeKind, keyof CallerAssignment> = {
  zone: 'zoneId',
  commune: 'communeId',
  cell: 'cellId',
  department: 'departmentId',
};

export class Access {
  private readonly grants: readonly Grant[];

  constructor(
    private readonly rule: AccessRule,
    readonly caller: Caller,
  ) {
    this.grants = rule.kind === 'grants' ? rule.grants : [];
  }

  /** True when the caller may act everywhere this route reaches (a grant without `within`). */
  get unrestricted(): boolean {
    if (this.rule.kind !== 'grants') return true;
    return this.grants.some((grant) => !grant.within && this.holds(grant));
  }

  /** Whether some grant covers a resource of these units. */
  covers(resource: UnitScope): boolean {
    if (this.unrestricted) return true;
    return this.grants.some(({ role, within }) => {
      if (within === undefined || resource[within] === undefined) return false;
      return this.caller.assignments.some((a) => a.role === role && a[reachOf[within]] === resource[within]);
    });
  }

  /** Throws 403 unless a grant covers the resource. */
  require(resource: UnitScope): void {
    if (!this.covers(resource)) throw new ForbiddenError('Bạn không có quyền với dữ liệu của đơn vị này.');
  }

  /** The zones a list may show: `'all'`, or the zones the caller's scoped grants reach. */
  visibleZones(): 'all' | ReadonlySet<string> {
    if (this.unrestricted) return 'all';
    const zones = new Set<string>();
    for (const grant of this.grants) {
      if (grant.within !== 'zone') continue;
      for (const a of this.caller.assignments) if (a.role === grant.role && a.zoneId) zones.add(a.zoneId);
    }
    return zones;
  }

  /** The route-level check: the caller holds a role the route names at all. */
  requireAnyGrant(): void {
    if (this.rule.kind === 'grants' && !this.grants.some((grant) => this.holds(grant))) {
      throw new ForbiddenError();
    }
  }

  private holds(grant: Grant): boolean {
    return this.caller.assignments.some((a) => a.role === grant.role);
  }
}

/** Reads the resource's units from the path, as the route table declares them. */
export function resourceScopeFromPath(
  source: ResourceScopeSource,
  pathParameters: Readonly<Record<string, string | undefined>>,
): UnitScope {
  const scope: UnitScope = {};
  for (const [kind, reference] of Object.entries(source) as [ScopeKind, string][]) {
    if (reference.startsWith('meeting.path.')) {
      const parsed = parseMeetingId(pathParameters[reference.slice('meeting.path.'.length)] ?? '');
      if (!parsed) throw new NotFoundError('Không tìm thấy cuộc họp.', 'meeting_not_found');
      scope[kind] = parsed.zoneId;
    } else {
      const value = pathParameters[reference.slice('path.'.length)];
      if (value !== undefined) scope[kind] = decodePathSegment(value);
    }
  }
  return scope;
}
