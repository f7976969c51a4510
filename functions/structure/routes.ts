/**
 * The district structure's routes: units, officials, assignments, the calendar, the import and the
 * audit trail. Each handler imports only its half, so that it builds no schema of the other's routes.
 */
import { structureReadRoutes } from './routes-read';
import { structureWriteRoutes } from './routes-write';

export const structureRoutes = [...structureReadRoutes, ...structureWriteRoutes] as const;
