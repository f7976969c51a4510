/** The roles an official can be assigned, and the kind of unit each role is scoped to. */

export const scopeKinds = ['zone', 'commune', 'cell', 'department'] as const;
export type ScopeKind = (typeof scopeKinds)[number];

interface RoleInfo {
  /** The unit kind the assignment names, or null for district-wide roles. */
  readonly scope: ScopeKind | null;
  readonly label: { readonly vi: string; readonly en: string };
}

export const roleCatalogue = {
  office: { scope: null, label: { vi: 'Văn phòng Huyện uỷ', en: 'District committee office' } },
  'standing-board': { scope: null, label: { vi: 'Thường trực Huyện uỷ', en: 'Standing board' } },
  'standing-committee': { scope: null, label: { vi: 'Uỷ viên Ban Thường vụ', en: 'Standing committee member' } },
  'district-admin': { scope: null, label: { vi: 'Quản trị hệ thống huyện', en: 'District administrator' } },
  'zone-head': { scope: 'zone', label: { vi: 'Trưởng khu', en: 'Zone head' } },
  'zone-deputy': { scope: 'zone', label: { vi: 'Phó khu (thư ký)', en: 'Zone deputy (minutes secretary)' } },
  'commune-in-charge': {
    scope: 'commune',
    label: { vi: 'Huyện uỷ viên phụ trách xã', en: 'District committee member in charge of the commune' },
  },
  'commune-secretary': { scope: 'commune', label: { vi: 'Bí thư Đảng uỷ xã', en: 'Commune party secretary' } },
  'commune-chair': {
    scope: 'commune',
    label: { vi: 'Phó bí thư – Chủ tịch UBND xã', en: 'Deputy secretary and people’s committee chair' },
  },
  department: { scope: 'department', label: { vi: 'Ban, ngành huyện', en: 'District department' } },
  'cell-secretary': { scope: 'cell', label: { vi: 'Bí thư chi bộ', en: 'Cell secretary' } },
} as const satisfies Record<string, RoleInfo>;

export type Role = keyof typeof roleCatalogue;
export const roles = Object.keys(roleCatalogue) as [Role, ...Role[]];

/** The unit kind a role is scoped to (null: the whole district). */
export function scopeOfRole(role: Role): ScopeKind | null {
  return roleCatalogue[role].scope;
}
