/**
 * The monthly cycle's routes: hosting wishes, rotations, cycles, meetings and announcements. Each
 * handler imports only its half, so that it builds no schema of the other's routes.
 */
import { cycleReadRoutes } from './routes-read';
import { cycleWriteRoutes } from './routes-write';

export const cycleRoutes = [...cycleReadRoutes, ...cycleWriteRoutes] as const;
