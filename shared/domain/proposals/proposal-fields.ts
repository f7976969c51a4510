/**
 * What a proposal concerns and whom it asks: the eight fields (lĩnh vực) of the domain brief, and
 * the addressee (the commune's authorities, a named district department, or the district committee).
 */
import * as z from 'zod/mini';
import { idSchema, lazy } from '../schema-kit';

/** The fields the district has counted proposals by since 2006, with their Vietnamese labels. */
export const proposalFieldLabels = {
  agriculture: 'Sản xuất nông nghiệp',
  'industry-infrastructure': 'Công nghiệp – dịch vụ – xây dựng kết cấu hạ tầng',
  policy: 'Chế độ chính sách',
  land: 'Quản lý đất đai',
  'culture-society': 'Văn hoá – xã hội',
  'security-defence': 'An ninh – quốc phòng',
  'party-government': 'Xây dựng Đảng, chính quyền, đoàn thể – tổ chức cán bộ',
  other: 'Những vấn đề khác',
} as const;

export type ProposalField = keyof typeof proposalFieldLabels;
export const proposalFields = Object.keys(proposalFieldLabels) as [ProposalField, ...ProposalField[]];

export const addresseeKinds = ['commune', 'department', 'district'] as const;
export type AddresseeKind = (typeof addresseeKinds)[number];

/**
 * Whom a proposal asks to act. `commune`: the commune's party committee and people's committee
 * (`id` names another commune than the cell's own); `department`: the district department `id`;
 * `district`: the district committee, without `id`.
 */
export const addresseeSchema = lazy(() =>
  z.strictObject({
    kind: z.enum(addresseeKinds),
    id: z.optional(idSchema),
  }),
);
export type Addressee = z.infer<typeof addresseeSchema>;

/** One string per addressee, for filters and index entries: `district`, `commune:gia-tan`, `department:ban-to-chuc`. */
export function addresseeKey(addressee: Addressee, cellCommuneId: string): string {
  if (addressee.kind === 'district') return 'district';
  if (addressee.kind === 'commune') return `commune:${addressee.id ?? cellCommuneId}`;
  return `department:${addressee.id ?? ''}`;
}

/** A proposal with its field's Vietnamese label beside the code, as replies show it. */
export function withFieldLabel<P extends { readonly field?: ProposalField }>(
  proposal: P,
): P & { fieldLabel: P['field'] extends ProposalField ? string : string | undefined } {
  const fieldLabel = proposal.field === undefined ? undefined : proposalFieldLabels[proposal.field];
  return { ...proposal, fieldLabel } as P & {
    fieldLabel: P['field'] extends ProposalField ? string : string | undefined;
  };
}
