/** Picks one official per role from a district config, to print ready-to-use local tokens. */
import type { DistrictConfig } from '../../shared/domain/structure/district-config';
import { type Role, roles } from '../../shared/domain/structure/roles';

export interface RoleSample {
  readonly role: Role;
  readonly officialId: string;
  readonly name: string;
  readonly subject: string;
  readonly scopeId?: string;
}

export function sampleOfficialPerRole(config: DistrictConfig): RoleSample[] {
  const officials = new Map(config.officials.map((official) => [official.id, official]));
  return roles.flatMap((role) => {
    const assignment = config.assignments.find((a) => a.role === role && officials.get(a.officialId)?.subject);
    const official = assignment && officials.get(assignment.officialId);
    if (!official?.subject || !assignment) return [];
    return [
      { role, officialId: official.id, name: official.name, subject: official.subject, scopeId: assignment.scopeId },
    ];
  });
}
