/** Sending a file of old proposals through the API, as the office does, and following its job. */
import { importJobsSettled } from '../../shared/services/imports/import-jobs';
import type { ApiResponse, TestApi } from './api';

export const IMPORTING_OFFICIAL = 'van-phong-1';

export interface ImportJobView {
  id: string;
  status: string;
  rows: number;
  imported?: number;
  skipped?: number;
  error?: { code: string; message: string };
}

/** `POST /imports/proposals` with `csv` as the body, by `as`, sent as `contentType`. */
export function sendLegacyFile<T>(
  api: TestApi,
  csv: string,
  as = IMPORTING_OFFICIAL,
  contentType = 'text/csv; charset=utf-8',
): Promise<ApiResponse<T>> {
  return api.request<T>('POST', '/imports/proposals', { as, rawBody: csv, headers: { 'content-type': contentType } });
}

/** Sends a file, lets its job run to its end, and reads the job back as its `Location` names it. */
export async function importLegacyFile(
  api: TestApi,
  csv: string,
): Promise<{ accepted: ApiResponse<ImportJobView>; finished: ApiResponse<ImportJobView> }> {
  const accepted = await sendLegacyFile<ImportJobView>(api, csv);
  await importJobsSettled();
  const location = accepted.headers.get('location') ?? '';
  return { accepted, finished: await api.request<ImportJobView>('GET', location, { as: IMPORTING_OFFICIAL }) };
}
