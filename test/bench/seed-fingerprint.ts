/**
 * Where the seeded districts are kept between runs, and whether they can be reused: a folder named
 * by a hash of every file that decides what is seeded or how it is stored (the application's
 * `shared/`, the seeding code, the lock file that pins the SDK and DynamoDB Local). A folder is
 * reused only once a run has seeded and measured both districts in it (`complete`); any other
 * folder is removed, so an interrupted seed is never measured.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SEEDING_FILES = [
  'shared',
  'package-lock.json',
  'test/bench/seed-proposals.ts',
  'test/bench/seeded-district.ts',
  'test/bench/generated-district.ts',
];

function filesOf(root: string, path: string): string[] {
  const full = join(root, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

function fingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const file of SEEDING_FILES.flatMap((path) => filesOf(root, path)).sort()) {
    hash.update(file).update(readFileSync(join(root, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

export interface SeededFolder {
  readonly folder: string;
  /** Whether the districts in it were seeded by an earlier, complete run. */
  readonly reused: boolean;
  markComplete(): void;
}

export function seededDatabaseFolder(root: string): SeededFolder {
  const parent = join(root, '.local/bench-db');
  const folder = join(parent, fingerprint(root));
  const marker = join(folder, 'complete');
  const reused = existsSync(marker);
  if (!reused) {
    rmSync(parent, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
  }
  return { folder, reused, markComplete: () => writeFileSync(marker, new Date().toISOString()) };
}
