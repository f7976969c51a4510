import type { Figure } from './figures';
export function costFigures(_figures: readonly Figure[]): Figure[] {
  return [];
}
