/**
 * Officials for access tests: one per role and placement, holding that one assignment, whose
 * reach is the units of the resource every request names (`target`) or units of the same kinds
 * elsewhere; and the oracle of what a route's rule means, written here rather than read from the
 * code that applies it.
 */
import type { RouteDefinition } from '../../functions/routes';
import type { DistrictConfig } from '../../shared/domain/structure/district-config';
import { type Role, roles, type ScopeKind, scopeOfRole } from '../../shared/domain/structure/roles';
import type { AccessRule } from '../../shared/http/access-rules';

export type Units = Partial<Record<ScopeKind, string>>;

/** The units of the resource every request names, and units of the same kinds elsewhere. */
export const target: Required<Units> = {
  zone: 'khu-2',
  commune: 'gia-tan',
  cell: 'gia-tan-thon-ha',
  department: 'ban-to-chuc',
};
export const elsewhere: Required<Units> = {
  zone: 'khu-1',
  commune: 'thi-tran-gia-loc',
  cell: 'thi-tran-gia-loc-khu-dan-cu-1',
  department: 'ban-tuyen-giao',
};

/** A sample official of the office, whose id and assignment the paths name. */
export const OFFICE = 'van-phong-1';

export const pathValues: Record<string, string> = {
  zoneId: target.zone,
  communeId: target.commune,
  cellId: target.cell,
  departmentId: target.department,
  officialId: OFFICE,
  assignmentId: `${OFFICE}.office.district`,
  meetingId: `2027-03.${target.zone}`,
  proposalId: `2027-03.${target.zone}.${target.cell}.1`,
  answerId: `${target.department}.1`,
  responseId: '2027-03.1',
  jobId: '00000000-0000-4000-8000-000000000001',
  n: '1',
  month: '2027-03',
  year: '2027',
};

/** The units an assignment of `role` scoped to the units `at` reaches (a cell secretary: cell, commune, zone). */
function reachOf(role: Role, at: Required<Units>): Units {
  switch (scopeOfRole(role)) {
    case null:
      return {};
    case 'zone':
      return { zone: at.zone };
    case 'commune':
      return { zone: at.zone, commune: at.commune };
    case 'cell':
      return { zone: at.zone, commune: at.commune, cell: at.cell };
    case 'department':
      return { department: at.department };
  }
}

export interface Caller {
  readonly officialId: string;
  readonly role: Role;
  readonly placement: 'in scope' | 'out of scope' | 'district-wide';
  readonly reach: Units;
}

/** One official per role and placement, holding that one assignment only. */
export const callers: readonly Caller[] = roles.flatMap((role): Caller[] => {
  const id = (placement: string) => `ma-tran-${role}-${placement}`;
  const scope = scopeOfRole(role);
  if (scope === null) return [{ officialId: id('huyen'), role, placement: 'district-wide', reach: {} }];
  return [
    { officialId: id('trong'), role, placement: 'in scope', reach: reachOf(role, target) },
    { officialId: id('ngoai'), role, placement: 'out of scope', reach: reachOf(role, elsewhere) },
  ];
});

export function withCallers(config: DistrictConfig): DistrictConfig {
  const scopeIdOf = (caller: Caller) => {
    const kind = scopeOfRole(caller.role);
    return kind === null ? undefined : caller.reach[kind];
  };
  return {
    ...config,
    officials: [
      ...config.officials,
      ...callers.map((c) => ({
        id: c.officialId,
        name: 'Người thử',
        title: c.role,
        subject: `sample-${c.officialId}`,
      })),
    ],
    assignments: [
      ...config.assignments,
      ...callers.map((c) => ({ officialId: c.officialId, role: c.role, scopeId: scopeIdOf(c) })),
    ],
  };
}

/**
 * The oracle: may a caller holding `role`, reaching `reach`, pass the route's rule for a resource
 * at `target`? A grant of the role passes without `within`; with `within`, when the route reads
 * that kind of unit from its path and the caller's reach holds the same unit, or when the route
 * reads none (its operation decides on the record).
 */
export function passes(rule: AccessRule, role: Role, reach: Units): boolean {
  switch (rule.kind) {
    case 'public':
    case 'signed-in':
      return true;
    case 'grants':
      return rule.grants.some((grant) => {
        if (grant.role !== role) return false;
        if (grant.within === undefined || rule.resource === undefined) return true;
        return rule.resource[grant.within] !== undefined && reach[grant.within] === target[grant.within];
      });
    default:
      throw new Error(`a rule of unknown kind: ${JSON.stringify(rule)}`);
  }
}

/** A route's path with the values of `pathValues`. */
export function concretePath(template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = pathValues[name];
    if (value === undefined) throw new Error(`no value for {${name}}`);
    return value;
  });
}

/** The caller a request should come from to pass the route's rule for the target: district-wide or in scope. */
export function passingCaller(route: RouteDefinition): Caller {
  const found = callers.find(
    (caller) => caller.placement !== 'out of scope' && passes(route.access, caller.role, caller.reach),
  );
  if (!found) throw new Error(`no caller passes ${route.method} ${route.path}`);
  return found;
}
