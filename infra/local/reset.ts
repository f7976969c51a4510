/**
 * `npm run reset`: empties the local runtime's state (`.local/`: the DynamoDB Local data, the
 * district it holds, the token key), so the next `npm start` loads its district afresh.
 */
import { existsSync, rmSync } from 'node:fs';
import { relative } from 'node:path';
import { localStateDir, repositoryRoot } from './paths';

const shown = relative(repositoryRoot, localStateDir);
if (existsSync(localStateDir)) {
  rmSync(localStateDir, { recursive: true, force: true });
  console.log(
    `Emptied ${shown}/: the next \`npm start\` loads its district again (earlier local tokens stop working).`,
  );
} else {
  console.log(`${shown}/ is already empty.`);
}
