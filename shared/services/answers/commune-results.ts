/**
 * A commune's result on a proposal routed to it: resolved, partly resolved (what remains, by when),
 * or beyond its authority (escalated to the district with the reason). The result is an item of its
 * own, written once, which its zone's next agenda lists (`keys.zoneCommuneResults`); a resolved or
 * partly resolved proposal waits for that meeting's close to be announced.
 */
import { keys } from '../../db/keys';
import {
  type CommuneResult,
  type ResultInput,
  resultOutcomeLabels,
  resultProblems,
} from '../../domain/answers/answers';
import { ConflictError, ValidationError } from '../../domain/errors';
import type { ProposalRecord } from '../../domain/proposals/proposal';
import type { ProposalActor, ProposalStep } from '../proposals/proposal-actions';

/** The commune that must act on a proposal routed to one: the one its leaders report for. */
function actingCommune(record: ProposalRecord) {
  return record.assignedCommuneId === undefined ? {} : { commune: record.assignedCommuneId };
}

export function reportResult(input: ResultInput, by: ProposalActor): ProposalStep {
  const problems = resultProblems(input);
  if (problems.length > 0) throw new ValidationError(problems);
  const escalated = input.outcome === 'beyond-authority';
  return {
    action: escalated ? 'escalate' : 'report-result',
    unitsOf: actingCommune,
    build: (record, _to, changes) => {
      const n = (record.result?.n ?? 0) + 1;
      const result: CommuneResult = {
        n,
        proposalId: record.id,
        number: record.number,
        title: record.title,
        ...(record.cellName !== undefined && { cellName: record.cellName }),
        zoneId: record.zoneId,
        communeId: record.assignedCommuneId ?? record.communeId,
        outcome: input.outcome,
        outcomeLabel: resultOutcomeLabels[input.outcome],
        text: input.text,
        ...(input.remaining !== undefined && { remaining: input.remaining, remainingBy: input.remainingBy }),
        reportedAt: changes.at,
        reportedBy: by.person,
      };
      changes.create(
        { type: 'commune-result', id: `${record.id}/${n}` },
        {
          ...keys.communeResult(record.id, n),
          GSI1PK: keys.zoneCommuneResults(record.zoneId),
          GSI1SK: keys.timelineSortKey(changes.at, `${record.id}.${n}`),
        },
        result,
        () =>
          new ConflictError('concurrent_change', 'Kết quả vừa được ghi bởi thao tác khác; hãy tải lại rồi thử lại.'),
      );
      const { overdueSince: _overdue, ...rest } = record;
      const remaining = input.remaining === undefined ? '' : ` Còn lại: ${input.remaining} (hạn ${input.remainingBy}).`;
      const note = `Kết quả của xã: ${result.outcomeLabel}. ${input.text}${remaining}`;
      if (!escalated) return { after: { ...rest, result }, note };
      const { assignedCommuneId: _commune, dueMonth: _due, ...district } = rest;
      return { after: { ...district, level: 'district', result }, note };
    },
  };
}
