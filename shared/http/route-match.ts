/** Matches a concrete path against the route table's path templates, as API Gateway does. */
import type { RouteDefinition } from './contract';

export interface PathMatch<R extends RouteDefinition = RouteDefinition> {
  readonly route: R;
  readonly pathParameters: Record<string, string>;
}

function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const templateParts = template.split('/');
  const pathParts = path.split('/');
  if (templateParts.length !== pathParts.length) return undefined;
  const parameters: Record<string, string> = {};
  for (const [index, part] of templateParts.entries()) {
    const actual = pathParts[index] ?? '';
    const parameter = /^\{(\w+)\}$/.exec(part)?.[1];
    if (parameter) {
      if (actual === '') return undefined;
      parameters[parameter] = actual;
    } else if (part !== actual) {
      return undefined;
    }
  }
  return parameters;
}

/**
 * Every route whose path matches, literal segments first (API Gateway prefers `/zones/export`
 * over `/zones/{zoneId}`).
 */
export function matchPath<R extends RouteDefinition>(routes: readonly R[], path: string): PathMatch<R>[] {
  const matches: PathMatch<R>[] = [];
  for (const route of routes) {
    const pathParameters = matchTemplate(route.path, path);
    if (pathParameters) matches.push({ route, pathParameters });
  }
  return matches.sort((a, b) => Object.keys(a.pathParameters).length - Object.keys(b.pathParameters).length);
}
