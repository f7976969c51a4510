/**
 * The routes of what follows a proposal's routing: the commune's result, the departments' answers
 * and their reviews, the raising cell's confirmation and reminders, and who is overdue. Each
 * handler imports only its half, so that it builds no schema of the other's routes.
 */
import { answerReadRoutes } from './routes-read';
import { answerWriteRoutes } from './routes-write';

export const answerRoutes = [...answerReadRoutes, ...answerWriteRoutes] as const;
