/** Steps through HTTP that the answer tests share: a meeting raising floor proposals, and changes at the ETag just read. */
import { expect } from 'vitest';
import type { ApiResponse, TestApi } from './api';

/** Who reads a resource's ETag before a change: the office sees everything. */
const READER = 'van-phong-1';

/** A floor proposal of a cell, asking `addressee`; title and content long enough to pass the checks. */
export function floorProposal(
  cellId: string,
  title: string,
  addressee: { kind: string; id?: string },
  field = 'agriculture',
) {
  return {
    cellId,
    field,
    title,
    content: `${title}: hiện trạng đã được chi bộ khảo sát, đề nghị cấp có thẩm quyền xem xét giải quyết dứt điểm.`,
    place: 'Thôn Hạ',
    addressee,
  };
}

export function proposalSteps(api: TestApi) {
  const etagOf = async (path: string): Promise<string> =>
    (await api.request('GET', path, { as: READER })).headers.get('etag') as string;

  /** POSTs a change with `If-Match` of `versionOf` as just read (the path without its last segment by default). */
  const post = async <T = Record<string, unknown>>(
    path: string,
    as: string,
    body?: unknown,
    versionOf = path.replace(/\/[a-z-]+$/, ''),
  ): Promise<ApiResponse<T>> =>
    api.request<T>('POST', path, { as, body, headers: { 'if-match': await etagOf(versionOf) } });

  /** A step on a proposal at its current version. */
  const step = <T = Record<string, unknown>>(proposalId: string, action: string, as: string, body?: unknown) =>
    post<T>(`/proposals/${proposalId}/${action}`, as, body, `/proposals/${proposalId}`);

  /** Holds the meeting, adds the floor proposals, closes it; the ids of the proposals raised from the floor. */
  const raiseFromFloor = async (meetingId: string, deputy: string, floors: readonly { cellId: string }[]) => {
    expect((await post(`/meetings/${meetingId}/hold`, deputy)).status).toBe(200);
    for (const entry of floors) {
      const added = await post(`/meetings/${meetingId}/floor-proposals`, deputy, entry, `/meetings/${meetingId}`);
      expect(added.status).toBe(201);
    }
    expect((await post(`/meetings/${meetingId}/close`, deputy)).status).toBe(200);
    return floors.map((entry, i) => `${meetingId}.${entry.cellId}.f${i + 1}`);
  };

  return { etagOf, post, step, raiseFromFloor };
}
