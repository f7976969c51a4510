/**
 * An issued official response through HTTP, for the tests that read it as a document: proposals
 * raised at two zones' meetings, each answered by a department and accepted, compiled and issued.
 */
import { expect } from 'vitest';
import type { TestApi } from './api';
import { floorProposal, proposalSteps } from './proposal-steps';

const OFFICE = 'van-phong-1';

/** Two zones, their deputies, and the proposals each raises from the floor with the department that answers it. */
const MEETINGS = [
  {
    meetingId: '2027-03.khu-1',
    deputy: 'pho-khu-1',
    proposals: [
      {
        floor: floorProposal(
          'thi-tran-gia-loc-khu-dan-cu-1',
          'Cấp giấy chứng nhận đất tái định cư',
          { kind: 'district' },
          'land',
        ),
        department: 'phong-tnmt',
        answer: 'Phòng TN&MT cấp giấy chứng nhận cho 7 hộ tái định cư trong tháng 4/2027.',
      },
    ],
  },
  {
    meetingId: '2027-03.khu-2',
    deputy: 'pho-khu-2',
    proposals: [
      {
        floor: floorProposal('gia-tan-thon-ha', 'Nạo vét kênh tưới T3 <đoạn Mả Tre>', { kind: 'district' }),
        department: 'phong-nn-ptnt',
        answer: 'Phòng NN&PTNT nạo vét 1,2 km kênh T3 trước ngày 30/4/2027 (kinh phí 350 triệu đồng & nhân công xã).',
      },
      {
        floor: floorProposal(
          'gia-tan-thon-my-xa',
          'Chế độ cho cựu thanh niên xung phong',
          { kind: 'district' },
          'policy',
        ),
        department: 'phong-ldtbxh',
        answer: 'Phòng LĐ-TB&XH hoàn thiện hồ sơ trợ cấp một lần cho 3 cựu thanh niên xung phong.',
      },
    ],
  },
];

export interface IssuedEntry {
  readonly proposalId: string;
  readonly title: string;
  readonly answer: string;
}

/** Seeds nothing: the district and the month's cycle must be there. Returns the response's id and its entries. */
export async function issueSampleResponse(api: TestApi): Promise<{ id: string; entries: IssuedEntry[] }> {
  const { post, step, raiseFromFloor } = proposalSteps(api);
  const entries: IssuedEntry[] = [];
  for (const meeting of MEETINGS) {
    const ids = await raiseFromFloor(
      meeting.meetingId,
      meeting.deputy,
      meeting.proposals.map((p) => p.floor),
    );
    for (const [i, proposal] of meeting.proposals.entries()) {
      const id = ids[i] as string;
      expect((await step(id, 'route', meeting.deputy, { level: 'district' })).status).toBe(200);
      const departments = [{ departmentId: proposal.department }];
      expect((await step(id, 'assignments', OFFICE, { departments })).status).toBe(200);
      const answered = await step(id, 'answers', `can-bo-${proposal.department}`, {
        kind: 'substantive',
        text: proposal.answer,
      });
      expect(answered.status).toBe(201);
      const accept = await post(
        `/proposals/${id}/answers/${proposal.department}.1/review`,
        OFFICE,
        { decision: 'accept' },
        `/proposals/${id}`,
      );
      expect(accept.body.status).toBe('answered');
      entries.push({ proposalId: id, title: proposal.floor.title, answer: proposal.answer });
    }
  }
  const draft = await api.request<{ id: string }>('POST', '/responses', { as: OFFICE, body: { month: '2027-04' } });
  const issue = {
    documentNumber: 'Số 45-TB/HU',
    date: '2027-03-28',
    signer: { name: 'Đoàn Minh Định', title: 'Bí thư' },
  };
  const issued = await post(`/responses/${draft.body.id}/issue`, 'bi-thu', issue, `/responses/${draft.body.id}`);
  expect(issued.status).toBe(200);
  return { id: draft.body.id, entries };
}
