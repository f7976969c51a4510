/**
 * Compiling and issuing the official response. Compiling reads the proposals whose district answer
 * is complete (`answered`) and writes the month's draft (again, at the draft's version, while
 * answers change). Issuing takes the draft's proposals into it (`include-in-response`), in
 * transactions of their own when they are many, then, in one transaction, locks the response, puts
 * it on the agenda of each zone it concerns and closes the month's draft (in the last of those
 * transactions when it fits). A failed issue leaves the response a draft whose proposals may
 * already be taken in; issuing again completes it. Both answer with the document, built from the
 * records they read: nothing is read back.
 */
import { getItems } from '../../db/batch';
import { type Actor, ChangeSet } from '../../db/change-set';
import { keys } from '../../db/keys';
import { getStored, parseStored, queryPage, type Stored } from '../../db/store';
import type { Person } from '../../domain/cycle/meeting';
import { ConflictError, PreconditionFailedError, ValidationError } from '../../domain/errors';
import type { ProposalRecord } from '../../domain/proposals/proposal';
import { proposalLifecycle } from '../../domain/proposals/proposal-lifecycle';
import { proposalRecordSchema } from '../../domain/proposals/proposal-records';
import {
  type CompileInput,
  entryOf,
  type IssueInput,
  MAX_RESPONSE_ENTRIES,
  type OfficialResponse,
  orderEntries,
  type ResponseMonth,
  type ResponseZoneEntry,
  responseIdOf,
  responseTitle,
} from '../../domain/responses/response';
import type { ResponseDocument } from '../../domain/responses/response-document';
import { responseLifecycle } from '../../domain/responses/response-lifecycle';
import { officialResponseRecord } from '../../domain/responses/response-records';
import type { Role } from '../../domain/structure/roles';
import { loadZones } from '../cycle/district-data';
import { commitTransitions } from '../proposals/proposal-actions';
import { documentOf, readDocumentSources } from './read-document';
import { loadResponse, readResponseMonth, responseItemKeys, responseMonthRef, responseRef } from './response-store';

export interface ResponseActor {
  readonly actor: Actor;
  readonly person: Person;
  /** The caller's district-wide roles. */
  readonly roles: ReadonlySet<Role>;
}

/** Most index entries of one state read to compile a response. */
const MAX_READ = 1_000;

/** A proposal a response of `responseId` takes in: answered, or already taken in by an interrupted issue of it. */
function belongsTo(record: ProposalRecord, responseId: string | undefined): boolean {
  return record.status === 'answered' || (record.status === 'responded' && record.responseId === responseId);
}

async function recordsOf(ids: readonly string[]): Promise<Stored<ProposalRecord>[]> {
  if (ids.length === 0) return [];
  return (await getItems([...new Set(ids)].map((id) => keys.proposal(id)))).map((item) =>
    parseStored(proposalRecordSchema, item),
  );
}

/** The ids a state's list holds (at most `MAX_READ`). */
async function idsInState(state: 'answered' | 'responded'): Promise<string[]> {
  const page = await queryPage({ partition: keys.proposalLists.status(state), limit: MAX_READ });
  return page.items.map((item) => String(item.id));
}

async function requireIssued(id: string | undefined): Promise<void> {
  if (id === undefined) return;
  const corrected = await getStored(officialResponseRecord, keys.response(id));
  if (corrected?.value.status !== 'issued') {
    throw new ValidationError([
      { path: '/corrects', code: 'unknown_reference', message: `Không có văn bản trả lời đã ban hành "${id}"` },
    ]);
  }
}

export interface StoredResponse {
  readonly response: OfficialResponse;
  readonly version: number;
  readonly created: boolean;
  /** The response as a document; a draft is announced nowhere. */
  readonly document: ResponseDocument;
}

/** The document of a response just written, from the records read to write it and one read of what it quotes. */
async function writtenDocument(response: OfficialResponse, records: readonly Stored<ProposalRecord>[]) {
  const sources = await readDocumentSources(response, false);
  return documentOf(
    response,
    [],
    sources,
    records.map(({ value }) => value),
  );
}

/**
 * Compiles the month's draft: a new response numbered after the month's last, or the draft
 * there is compiled again at the version the client read (`ifMatch`).
 */
export async function compileResponse(
  input: CompileInput,
  by: ResponseActor,
  ifMatch: () => number,
): Promise<StoredResponse> {
  // Independent reads share round trips: the month, the zones, the corrected response and the
  // answered proposals' list at once; a recompiled draft, with the list of those it took in, next.
  const [monthItem, zones, answered] = await Promise.all([
    readResponseMonth(input.month),
    loadZones(),
    idsInState('answered'),
    requireIssued(input.corrects),
  ]);
  const draftId = monthItem?.value.draftId;
  const [responded, draft] =
    draftId === undefined ? [[], undefined] : await Promise.all([idsInState('responded'), loadResponse(draftId)]);
  // The proposals the draft takes in: those its states' lists name, as they are now.
  const read = await recordsOf([...answered, ...responded]);
  const records = read.map(({ value }) => value).filter((record) => belongsTo(record, draftId));
  const entries = orderEntries(
    records.map(entryOf),
    zones.map((zone) => zone.id),
  ).slice(0, MAX_RESPONSE_ENTRIES);
  if (entries.length === 0 && input.note === undefined) {
    throw new ConflictError(
      'nothing_to_respond',
      'Chưa có kiến nghị nào có trả lời được chấp nhận để đưa vào văn bản.',
    );
  }
  const changes = new ChangeSet(by.actor);
  const compiled = {
    month: input.month,
    status: 'draft' as const,
    title: responseTitle(input.month, input.corrects),
    ...(input.corrects !== undefined && { corrects: input.corrects }),
    ...(input.note !== undefined && { note: input.note }),
    entries,
    proposalCount: entries.length,
    compiledAt: changes.at,
    compiledBy: by.person,
  };
  if (draftId !== undefined && draft) {
    responseLifecycle.require(draft.value.status, 'compile', by.roles);
    const expectedVersion = ifMatch();
    const after: OfficialResponse = { id: draftId, ...compiled };
    changes.replace(responseRef(draftId), responseItemKeys(after), {
      before: draft.value,
      after,
      expectedVersion,
      action: 'compile',
    });
    const [, document] = await Promise.all([changes.commit(), writtenDocument(after, read)]);
    return { response: after, version: expectedVersion + 1, created: false, document };
  }
  const n = (monthItem?.value.last ?? 0) + 1;
  const response: OfficialResponse = { id: responseIdOf(input.month, n), ...compiled };
  const concurrent = new ConflictError('concurrent_change', 'Một dự thảo khác của tháng vừa được lập; hãy tải lại.');
  changes.create(responseRef(response.id), responseItemKeys(response), response, concurrent);
  const month: ResponseMonth = { month: input.month, last: n, draftId: response.id };
  if (monthItem) {
    changes.replace(responseMonthRef(input.month), keys.responseMonth(input.month), {
      before: monthItem.value,
      after: month,
      expectedVersion: monthItem.version,
    });
  } else {
    changes.create(responseMonthRef(input.month), keys.responseMonth(input.month), month, concurrent);
  }
  const [, document] = await Promise.all([changes.commit(), writtenDocument(response, read)]);
  return { response, version: 1, created: true, document };
}

/** What the response says to each zone it concerns, in the document's order. */
function zoneEntries(response: OfficialResponse, issue: IssueInput, records: ReadonlyMap<string, ProposalRecord>) {
  const byZone = new Map<string, ResponseZoneEntry['proposals'][number][]>();
  for (const entry of response.entries) {
    const title = records.get(entry.proposalId)?.title ?? '';
    byZone.set(entry.zoneId, [
      ...(byZone.get(entry.zoneId) ?? []),
      { id: entry.proposalId, number: entry.number, title },
    ]);
  }
  return [...byZone].map(
    ([zoneId, proposals]): ResponseZoneEntry => ({
      responseId: response.id,
      documentNumber: issue.documentNumber,
      date: issue.date,
      title: response.title,
      zoneId,
      proposals,
    }),
  );
}

/** Issues the draft at `expectedVersion`; see the module comment. */
export async function issueResponse(
  id: string,
  input: IssueInput,
  by: ResponseActor,
  expectedVersion: number,
): Promise<{ response: OfficialResponse; version: number; document: ResponseDocument }> {
  const stored = await loadResponse(id);
  if (stored.version !== expectedVersion) throw new PreconditionFailedError();
  responseLifecycle.require(stored.value.status, 'issue', by.roles);
  const at = new Date();
  // the month item and what the document quotes are read beside the records; the month's version
  // is checked when the response commits.
  const [records, monthItem, sources] = await Promise.all([
    recordsOf(stored.value.entries.map((entry) => entry.proposalId)),
    readResponseMonth(stored.value.month),
    readDocumentSources(stored.value, false),
  ]);
  const byId = new Map(records.map(({ value }) => [value.id, value]));
  const outdated = stored.value.entries.filter((entry) => {
    const record = byId.get(entry.proposalId);
    return !record || !belongsTo(record, id);
  });
  if (outdated.length > 0) {
    throw new ConflictError(
      'draft_outdated',
      `Kiến nghị ${outdated.map((entry) => entry.number).join(', ')} đã thay đổi sau khi lập dự thảo; hãy lập lại dự thảo.`,
    );
  }
  const planned = records
    .filter(({ value }) => value.status === 'answered')
    .map((record) => {
      const to = proposalLifecycle.require(record.value.status, 'include-in-response', by.roles);
      const note = `Đưa vào văn bản trả lời ${input.documentNumber} (${id})`;
      return {
        stored: record,
        transition: {
          action: 'include-in-response' as const,
          to,
          after: { ...record.value, responseId: id },
          note,
          by: by.person,
        },
      };
    });
  const issuedAt = at.toISOString();
  const after: OfficialResponse = {
    ...stored.value,
    status: 'issued',
    issue: { ...input, issuedAt, issuedBy: by.person },
  };
  await commitTransitions(planned, by.actor, issuedAt, (changes) => {
    changes.replace(responseRef(id), responseItemKeys(after), {
      before: stored.value,
      after,
      expectedVersion,
      action: 'issue',
    });
    for (const entry of zoneEntries(after, input, byId)) {
      changes.reserve(
        {
          ...keys.responseZoneEntry(id, entry.zoneId),
          GSI1PK: keys.zoneOfficialResponses(entry.zoneId),
          GSI1SK: keys.timelineSortKey(issuedAt, id),
        },
        entry,
        new ConflictError('response_issued', `Văn bản ${id} đã được ban hành.`),
      );
    }
    if (monthItem?.value.draftId === id) {
      const { draftId: _draft, ...closed } = monthItem.value;
      changes.replace(responseMonthRef(after.month), keys.responseMonth(after.month), {
        before: monthItem.value,
        after: closed,
        expectedVersion: monthItem.version,
      });
    }
  });
  // just issued: announced nowhere yet.
  const document = documentOf(after, [], sources, [...byId.values()]);
  return { response: after, version: expectedVersion + 1, document };
}
