/**
 * The one route table, joined from the areas' tables, and the functions that serve it. The CDK
 * stack, the local gateway, the OpenAPI document and the authorisation tests read it; each
 * handler reads its own area's table. Nothing else lists routes or decides access.
 */
import type { RouteDefinition as Route } from '../shared/http/contract';
import { answerRoutes } from './answers/routes';
import { cycleRoutes } from './cycle/routes';
import { docsPackageFiles } from './docs/files';
import { importRoutes } from './imports/routes';
import { proposalRoutes } from './proposals/routes';
import { statsRoutes } from './stats/routes';
import { structureRoutes } from './structure/routes';
import { systemRoutes } from './system/routes';

/** What a function may do to the table; the stack grants exactly this. */
export type TableAccess = 'none' | 'read' | 'read-write';

export interface FunctionDefinition {
  /** Entry module, relative to the repository root. */
  readonly entry: string;
  readonly table: TableAccess;
  readonly description: string;
  /** Files of installed packages (`<package>/<file>`) the function reads at run time; the stack copies them beside its bundle. */
  readonly packageFiles?: readonly string[];
}

/** The Lambda functions: one per handler group, plus the scheduled cycle opener. */
export const functions = {
  system: {
    entry: 'functions/system/handler.ts',
    table: 'none',
    description: 'Health, the OpenAPI description and unmatched routes',
  },
  docs: {
    entry: 'functions/docs/handler.ts',
    table: 'none',
    description: 'The API reference page and its files',
    packageFiles: docsPackageFiles,
  },
  structureRead: {
    entry: 'functions/structure/read-handler.ts',
    table: 'read',
    description: 'Reads the district structure, the caller and the audit trail',
  },
  structureWrite: {
    entry: 'functions/structure/write-handler.ts',
    table: 'read-write',
    description: 'Changes and imports the district structure',
  },
  cycleRead: {
    entry: 'functions/cycle/read-handler.ts',
    table: 'read',
    description: 'Reads cycles, meetings, agendas, rotation plans and announcements',
  },
  cycleWrite: {
    entry: 'functions/cycle/write-handler.ts',
    table: 'read-write',
    description: 'Opens cycles and runs meetings, rotation plans and announcements',
  },
  proposalRead: {
    entry: 'functions/proposals/read-handler.ts',
    table: 'read',
    description: 'Reads cell reports and proposals, their histories, and finds proposals',
  },
  proposalWrite: {
    entry: 'functions/proposals/write-handler.ts',
    table: 'read-write',
    description: 'Writes, agrees, submits and reopens cell reports; raises, routes and merges proposals',
  },
  statsRead: {
    entry: 'functions/stats/read-handler.ts',
    table: 'read',
    description: 'Reads the proposal figures (JSON, CSV, chart) and recounts them',
  },
  proposalImport: {
    entry: 'functions/imports/handler.ts',
    table: 'read-write',
    description: 'Checks and accepts files of old proposal records, and reports on their import',
  },
  answerRead: {
    entry: 'functions/answers/read-handler.ts',
    table: 'read',
    description: 'Reads who is overdue: departments’ answers and communes’ results',
  },
  answerWrite: {
    entry: 'functions/answers/write-handler.ts',
    table: 'read-write',
    description:
      'Records communes’ results, assigns departments, takes and reviews answers, confirmations and reminders',
  },
  responseDocument: {
    entry: 'functions/answers/document-handler.ts',
    table: 'read',
    description: 'Reads an official response as JSON, a printable page or a Word document',
  },
  cycleOpener: {
    entry: 'functions/cycle/open-cycle.ts',
    table: 'read-write',
    description: 'Opens the month’s cycle on schedule',
  },
  importWorker: {
    entry: 'functions/imports/worker.ts',
    table: 'read-write',
    description: 'Writes the records of an accepted import',
  },
} as const satisfies Record<string, FunctionDefinition>;

export type FunctionName = keyof typeof functions;
/** Functions invoked otherwise than by HTTP: the opener by the scheduler, the import worker by the import function. */
export const backgroundFunctions = ['cycleOpener', 'importWorker'] as const;
/** Functions that serve HTTP routes. */
export type HttpFunctionName = Exclude<FunctionName, (typeof backgroundFunctions)[number]>;

/** A route of this API: served by one of its functions. */
export type RouteDefinition = Route<HttpFunctionName>;

export const routes: readonly RouteDefinition[] = [
  ...systemRoutes,
  ...structureRoutes,
  ...cycleRoutes,
  ...proposalRoutes,
  ...statsRoutes,
  ...importRoutes,
  ...answerRoutes,
];

export { DEFAULT_MAX_BODY_BYTES, type HttpMethod, routeKeyOf } from '../shared/http/contract';
