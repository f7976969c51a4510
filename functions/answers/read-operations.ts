/** The `answerRead` operations: who is overdue and the official responses, shown only as far as the caller may see. */
import { vietnamDate } from '../../shared/domain/time';
import { json, type OperationsOf } from '../../shared/http/contract';
import { readOverdue } from '../../shared/services/answers/overdue';
import { listResponses } from '../../shared/services/responses/response-list';
import { proposalReader } from '../proposals/proposal-actor';
import { readsDrafts } from './draft-access';
import type { answerReadRoutes } from './routes-read';

export const answerReadOperations: OperationsOf<typeof answerReadRoutes, 'answerRead'> = {
  'overdue.list': async ({ caller }) => json(await readOverdue(vietnamDate(new Date()), proposalReader(caller))),
  'responses.list': async ({ query, caller }) =>
    json(await listResponses({ ...query, withDrafts: readsDrafts(caller) })),
};
