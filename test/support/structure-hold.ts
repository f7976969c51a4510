/** The structure import's hold, taken as an accepted job takes it and removed as a finished one leaves it. */
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { ChangeSet } from '../../shared/db/change-set';
import { documentClient, tableName } from '../../shared/db/client';
import { keys } from '../../shared/db/keys';
import { holdStructureImport } from '../../shared/services/imports/structure-jobs';

/** Job `jobId` holds the structure import from now (refused with 409 while another job holds it). */
export async function holdStructureImportFor(jobId: string): Promise<void> {
  const hold = new ChangeSet({ id: 'test' });
  holdStructureImport(hold, jobId);
  await hold.commit();
}

/** No job holds the structure import any more, whoever held it. */
export async function releaseStructureImport(): Promise<void> {
  await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: keys.structureImport() }));
}
