/**
 * The `answerWrite` operations: each is one step of a proposal on its transition tables, taken at
 * the client's version through `applyProposalStep`, answered with the proposal as it now stands.
 */

import type { Caller } from '../../shared/domain/access/caller';
import { presentProposalWithHistory } from '../../shared/domain/proposals/proposal-views';
import { vietnamDate } from '../../shared/domain/time';
import { actorOver } from '../../shared/http/actors';
import { json, type OperationsOf } from '../../shared/http/contract';
import { giveAnswer, reviewAnswer } from '../../shared/services/answers/answer-actions';
import { assignDepartments } from '../../shared/services/answers/assignments';
import { reportResult } from '../../shared/services/answers/commune-results';
import { confirmSolved, remind } from '../../shared/services/answers/confirmations';
import { applyProposalStep, type ProposalStep } from '../../shared/services/proposals/proposal-actions';
import { readProposalWithHistory } from '../../shared/services/proposals/proposal-store';
import { compileResponse, issueResponse } from '../../shared/services/responses/response-actions';
import { proposalActor } from '../proposals/proposal-actor';
import type { answerRoutes } from './routes';

/** Takes the step, then reads the proposal back whole (history, answers, results) for the reply. */
async function stepReply(
  proposalId: string,
  step: ProposalStep,
  caller: Caller,
  expectedVersion: number,
  status = 200,
) {
  await applyProposalStep(proposalId, step, proposalActor(caller), expectedVersion);
  const { record, trail } = await readProposalWithHistory(proposalId);
  return json(presentProposalWithHistory(record.value, trail, vietnamDate(new Date())), record.version, status);
}

/** The caller acting on responses, with their district-wide roles. */
function responseActor(caller: Caller) {
  return actorOver(caller, {});
}

export const answerWriteOperations: OperationsOf<typeof answerRoutes, 'answerWrite'> = {
  'proposals.reportResult': ({ path, body, caller, expectedVersion }) =>
    stepReply(path.proposalId, reportResult(body, proposalActor(caller)), caller, expectedVersion),

  'proposals.assign': ({ path, body, caller, expectedVersion }) =>
    stepReply(path.proposalId, assignDepartments(body, vietnamDate(new Date())), caller, expectedVersion),

  'proposals.answer': ({ path, body, caller, expectedVersion }) =>
    stepReply(path.proposalId, giveAnswer(body, proposalActor(caller)), caller, expectedVersion, 201),

  'proposals.reviewAnswer': ({ path, body, caller, expectedVersion }) =>
    stepReply(path.proposalId, reviewAnswer(path.answerId, body, proposalActor(caller)), caller, expectedVersion),

  'proposals.confirm': ({ path, body, caller, expectedVersion }) =>
    stepReply(
      path.proposalId,
      confirmSolved(body, proposalActor(caller), vietnamDate(new Date())),
      caller,
      expectedVersion,
    ),

  'proposals.remind': ({ path, body, caller, expectedVersion }) =>
    stepReply(
      path.proposalId,
      remind(body.note, proposalActor(caller), vietnamDate(new Date())),
      caller,
      expectedVersion,
      201,
    ),

  'responses.compile': async ({ body, caller, ifMatch }) => {
    const { document, version, created } = await compileResponse(body, responseActor(caller), ifMatch);
    return json(document, version, created ? 201 : 200);
  },

  'responses.issue': async ({ path, body, caller, expectedVersion }) => {
    const { document, version } = await issueResponse(path.responseId, body, responseActor(caller), expectedVersion);
    return json(document, version);
  },
};
