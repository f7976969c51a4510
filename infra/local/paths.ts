/** Where the local runtime keeps its git-ignored state, and where district configs live. */
import { resolve } from 'node:path';

export const repositoryRoot = resolve(import.meta.dirname, '../..');
export const localStateDir = resolve(repositoryRoot, '.local');
export const localDataDir = resolve(localStateDir, 'dynamodb');
export const localKeyFile = resolve(localStateDir, 'jwt-key.json');
/** The id of the district whose structure `npm start` loaded into the local table. */
export const localDistrictFile = resolve(localStateDir, 'district');
export const districtsDir = resolve(repositoryRoot, 'infra/districts');
