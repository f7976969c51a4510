/** The roles a caller holds over a resource: district-wide roles always, scoped roles only in their own unit. */
import { describe, expect, it } from 'vitest';
import { type CallerAssignment, rolesOver } from '../../shared/domain/access/caller';

const assigned = (role: CallerAssignment['role'], scopeId?: string): CallerAssignment => ({
  id: `${role}.${scopeId ?? 'district'}`,
  officialId: 'o-1',
  role,
  ...(scopeId !== undefined && { scopeId }),
});

describe('roles over a resource', () => {
  const assignments = [
    assigned('office'),
    assigned('zone-head', 'khu-2'),
    assigned('commune-secretary', 'gia-tan'),
    assigned('cell-secretary', 'gia-tan-thon-ha'),
    assigned('department', 'phong-kt-ht'),
  ];

  it('keeps the district-wide roles and the scoped roles whose unit is the resource’s unit of that kind', () => {
    expect([...rolesOver(assignments, { zone: 'khu-2', commune: 'gia-tan', cell: 'gia-tan-thon-ha' })]).toEqual([
      'office',
      'zone-head',
      'commune-secretary',
      'cell-secretary',
    ]);
    expect([...rolesOver(assignments, { department: 'phong-kt-ht' })]).toEqual(['office', 'department']);
  });

  it('drops a scoped role in another unit, or over a resource that names no unit of its kind', () => {
    expect([...rolesOver(assignments, { zone: 'khu-1', commune: 'gia-hoa', cell: 'gia-tan-thon-ha' })]).toEqual([
      'office',
      'cell-secretary',
    ]);
    expect([...rolesOver(assignments, {})]).toEqual(['office']);
  });

  it('grants nothing for a scoped assignment that lost its unit, even over a resource without that unit', () => {
    expect([...rolesOver([assigned('zone-deputy')], {})]).toEqual([]);
    expect([...rolesOver([assigned('zone-deputy')], { zone: 'khu-2' })]).toEqual([]);
  });
});
