/** Structure records: derived assignment ids, and the role catalogue's scopes. */
import { describe, expect, it } from 'vitest';
import { assignmentId, officialSchema } from '../../shared/domain/structure/entities';
import { roles, scopeOfRole } from '../../shared/domain/structure/roles';

describe('assignmentId', () => {
  it('joins official, role and unit, or `district` for a district-wide role', () => {
    expect(assignmentId({ officialId: 'bi-thu', role: 'standing-board' })).toBe('bi-thu.standing-board.district');
    expect(assignmentId({ officialId: 'truong-khu-1', role: 'zone-head', scopeId: 'khu-1' })).toBe(
      'truong-khu-1.zone-head.khu-1',
    );
  });
});

describe('officialSchema', () => {
  it('takes an account subject of 1 to 128 characters', () => {
    const official = { id: 'can-bo', name: 'Cán bộ', title: 'Chuyên viên' };

    expect(officialSchema.safeParse({ ...official, subject: 's'.repeat(128) }).success).toBe(true);
    expect(officialSchema.safeParse({ ...official, subject: 's'.repeat(129) }).success).toBe(false);
    expect(officialSchema.safeParse({ ...official, subject: '' }).success).toBe(false);
  });
});

describe('scopeOfRole', () => {
  it('scopes each role to its kind of unit, or to the whole district', () => {
    expect(Object.fromEntries(roles.map((role) => [role, scopeOfRole(role)]))).toEqual({
      office: null,
      'standing-board': null,
      'standing-committee': null,
      'district-admin': null,
      'zone-head': 'zone',
      'zone-deputy': 'zone',
      'commune-in-charge': 'commune',
      'commune-secretary': 'commune',
      'commune-chair': 'commune',
      department: 'department',
      'cell-secretary': 'cell',
    });
  });
});
