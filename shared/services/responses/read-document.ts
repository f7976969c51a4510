/** A response as a document: the response, then everything it refers to, in one batch read. */
import { getItems } from '../../db/batch';
import { keys } from '../../db/keys';
import { parseValues } from '../../db/store';
import { answerRecord } from '../../domain/answers/answer-records';
import { parseAnswerId } from '../../domain/answers/answers';
import { proposalRecordSchema } from '../../domain/proposals/proposal-records';
import type { OfficialResponse } from '../../domain/responses/response';
import { type ResponseDocument, responseDocument } from '../../domain/responses/response-document';
import { loadAnswerSettings } from '../answers/answer-settings-store';
import { loadZones } from '../cycle/district-data';
import { readResponseWithAnnouncements } from './response-store';

function answerKeys(response: OfficialResponse) {
  return response.entries.flatMap((entry) =>
    entry.answerIds.flatMap((answerId) => {
      const parsed = parseAnswerId(answerId);
      return parsed ? [keys.proposalAnswer(entry.proposalId, parsed.departmentId, parsed.n)] : [];
    }),
  );
}

export async function readResponseDocument(id: string): Promise<{ document: ResponseDocument; version: number }> {
  const { response, announcements } = await readResponseWithAnnouncements(id);
  const [items, settings, zones] = await Promise.all([
    getItems([
      ...response.value.entries.map((entry) => keys.proposal(entry.proposalId)),
      ...answerKeys(response.value),
    ]),
    loadAnswerSettings(),
    loadZones(),
  ]);
  const isAnswer = (item: Record<string, unknown>) => String(item.SK).startsWith(keys.proposalAnswerPrefix);
  const proposals = new Map(
    parseValues(
      proposalRecordSchema,
      items.filter((item) => !isAnswer(item)),
    ).map((proposal) => [proposal.id, proposal]),
  );
  const answers = new Map(
    parseValues(answerRecord, items.filter(isAnswer)).map((answer) => [`${answer.proposalId}/${answer.id}`, answer]),
  );
  const document = responseDocument(response.value, {
    settings,
    proposals,
    answers,
    zoneNames: new Map(zones.map((zone) => [zone.id, zone.name])),
    announcements,
  });
  return { document, version: response.version };
}
