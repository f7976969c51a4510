/** The layer rules of ARCHITECTURE.md, read off every import of the code. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

interface Rule {
  readonly layer: string;
  readonly forbidden: readonly RegExp[];
}

/** What each layer must not import: repository paths (after resolving) and packages. */
const rules: readonly Rule[] = [
  {
    layer: 'shared/domain/',
    forbidden: [/^shared\/(db|http|observability|services)\//, /^functions\//, /^infra\//, /^@aws-sdk\//],
  },
  {
    layer: 'shared/observability/',
    forbidden: [/^shared\/(domain|db|http|services)\//, /^functions\//, /^infra\//, /^@aws-sdk\//],
  },
  { layer: 'shared/db/', forbidden: [/^shared\/(http|services)\//, /^functions\//, /^infra\//] },
  { layer: 'shared/services/', forbidden: [/^shared\/http\//, /^functions\//, /^infra\//] },
  { layer: 'shared/http/', forbidden: [/^shared\/(db|services)\//, /^functions\//, /^infra\//, /^@aws-sdk\//] },
  { layer: 'functions/', forbidden: [/^infra\//, /^@aws-sdk\//] },
];

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, relative ones resolved to repository paths. */
function importsOf(file: string, source: string): string[] {
  const specifiers = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/g)].map(
    (match) => match[1] as string,
  );
  return specifiers.map((specifier) =>
    specifier.startsWith('.') ? relative(root, resolve(root, dirname(file), specifier)) : specifier,
  );
}

function violations(file: string, source: string): string[] {
  const rule = rules.find((r) => file.startsWith(r.layer));
  if (!rule) return [];
  return importsOf(file, source)
    .filter((target) => rule.forbidden.some((pattern) => pattern.test(target)))
    .map((target) => `${file} imports ${target}`);
}

describe('the layer rules', () => {
  it('holds for every source file', () => {
    const files = [...sourceFiles('shared'), ...sourceFiles('functions')];
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) => violations(file, readFileSync(join(root, file), 'utf8')));
    expect(found).toEqual([]);
  });

  it('catches a use case importing shared/http', () => {
    const source = "import { json } from '../../http/contract';\n";
    expect(violations('shared/services/cycle/agenda.ts', source)).toEqual([
      'shared/services/cycle/agenda.ts imports shared/http/contract',
    ]);
  });

  it('catches a multi-line import of the database from the domain', () => {
    const source = "import {\n  keys,\n} from '../../db/keys';\nexport { x } from '@aws-sdk/lib-dynamodb';\n";
    expect(violations('shared/domain/cycle/meeting.ts', source)).toEqual([
      'shared/domain/cycle/meeting.ts imports shared/db/keys',
      'shared/domain/cycle/meeting.ts imports @aws-sdk/lib-dynamodb',
    ]);
  });

  it('catches the domain logging, and logging reaching into the layers it reports on', () => {
    expect(
      violations('shared/domain/cycle/meeting.ts', "import { logRequest } from '../../observability/request-log';\n"),
    ).toEqual(['shared/domain/cycle/meeting.ts imports shared/observability/request-log']);
    expect(violations('shared/observability/request-log.ts', "import { AppError } from '../domain/errors';\n")).toEqual(
      ['shared/observability/request-log.ts imports shared/domain/errors'],
    );
  });

  it('lets the HTTP layer and use cases log', () => {
    const source = "import { logRequest } from '../observability/request-log';\n";
    expect(violations('shared/http/logged-answer.ts', source)).toEqual([]);
    expect(violations('shared/services/opening-check.ts', source)).toEqual([]);
  });

  it('lets operations call use cases', () => {
    const source = "import { openCycle } from '../../shared/services/cycle/open-cycle';\n";
    expect(violations('functions/cycle/write-operations.ts', source)).toEqual([]);
  });
});
