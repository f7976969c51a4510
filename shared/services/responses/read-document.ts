/**
 * A response as a document: the response, the records of its proposals, the answers it quotes, the
 * district's answer settings and zone names. Reading it takes a query of the response's partition,
 * then one batch read; compiling and issuing, which have just read the records, build the
 * document they answer with from those and one batch read of the answers.
 */
import { getItems } from '../../db/batch';
import { keys } from '../../db/keys';
import { parseValues } from '../../db/store';
import { answerRecord } from '../../domain/answers/answer-records';
import { parseAnswerId } from '../../domain/answers/answers';
import type { ProposalRecord } from '../../domain/proposals/proposal';
import { proposalRecordSchema } from '../../domain/proposals/proposal-records';
import type { OfficialResponse } from '../../domain/responses/response';
import {
  type DocumentSources,
  type ResponseDocument,
  responseDocument,
} from '../../domain/responses/response-document';
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

/** What a document quotes beside its response and where it was announced. */
export type ReadSources = Omit<DocumentSources, 'announcements'>;

/**
 * The answers, settings and zone names of `response`'s document, with its proposals' records
 * unless the caller already holds them (`withProposals: false`), all in one round trip.
 */
export async function readDocumentSources(response: OfficialResponse, withProposals = true): Promise<ReadSources> {
  const proposalKeys = withProposals ? response.entries.map((entry) => keys.proposal(entry.proposalId)) : [];
  const [items, settings, zones] = await Promise.all([
    getItems([...proposalKeys, ...answerKeys(response)]),
    loadAnswerSettings(),
    loadZones(),
  ]);
  const isAnswer = (item: Record<string, unknown>) => String(item.SK).startsWith(keys.proposalAnswerPrefix);
  return {
    proposals: new Map(
      parseValues(
        proposalRecordSchema,
        items.filter((item) => !isAnswer(item)),
      ).map((proposal) => [proposal.id, proposal]),
    ),
    answers: new Map(
      parseValues(answerRecord, items.filter(isAnswer)).map((answer) => [`${answer.proposalId}/${answer.id}`, answer]),
    ),
    settings,
    zoneNames: new Map(zones.map((zone) => [zone.id, zone.name])),
  };
}

/** The document of `response` from its sources; `proposals` are the records the caller read when not among the sources. */
export function documentOf(
  response: OfficialResponse,
  announcements: DocumentSources['announcements'],
  sources: ReadSources,
  proposals?: readonly ProposalRecord[],
): ResponseDocument {
  return responseDocument(response, {
    ...sources,
    ...(proposals && { proposals: new Map(proposals.map((proposal) => [proposal.id, proposal])) }),
    announcements,
  });
}

export async function readResponseDocument(id: string): Promise<{ document: ResponseDocument; version: number }> {
  const { response, announcements } = await readResponseWithAnnouncements(id);
  const sources = await readDocumentSources(response.value);
  return { document: documentOf(response.value, announcements, sources), version: response.version };
}
