/**
 * The structure units a cell's proposals refer to: the cell, and a commune or department they are
 * addressed to. The change that makes the reference marks each as having history
 * (`ChangeSet.markInUse`), so the unit must still exist when it commits and can never be removed
 * afterwards: its id never passes to a new unit that would inherit the proposals' lists.
 */
import type { ChangeSet } from '../../db/change-set';
import { keys } from '../../db/keys';
import { NotFoundError } from '../../domain/errors';
import type { Addressee } from '../../domain/proposals/proposal-fields';

export function markReferencedUnits(
  changes: ChangeSet,
  cellId: string,
  proposals: readonly { readonly addressee?: Addressee }[],
): void {
  const units = new Map<string, { kind: 'cell' | 'commune' | 'department'; id: string }>();
  const add = (kind: 'cell' | 'commune' | 'department', id: string) => units.set(`${kind}#${id}`, { kind, id });
  add('cell', cellId);
  for (const { addressee } of proposals) {
    if (addressee?.kind === 'commune' && addressee.id) add('commune', addressee.id);
    if (addressee?.kind === 'department' && addressee.id) add('department', addressee.id);
  }
  // one action per item in a transaction: each unit once, however many proposals name it.
  for (const { kind, id } of units.values()) {
    changes.markInUse(
      keys.unit(kind, id),
      () => new NotFoundError(`Đơn vị "${id}" không còn tồn tại.`, `${kind}_not_found`),
    );
  }
}
