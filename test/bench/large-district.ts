import type { Figure } from './figures';
export async function largeDistrictFigures(): Promise<Figure[]> {
  return [];
}
