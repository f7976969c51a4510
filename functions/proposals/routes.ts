/**
 * The routes of cell reports and the proposals raised from them. Each handler imports only its
 * half, so that it builds no schema of the other's routes.
 */
import { proposalReadRoutes } from './routes-read';
import { proposalWriteRoutes } from './routes-write';

export const proposalRoutes = [...proposalReadRoutes, ...proposalWriteRoutes] as const;
