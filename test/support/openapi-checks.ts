/** The two outside judges of an OpenAPI document: a validator of the 3.1 specification and Spectral's OpenAPI rules. */
import { validate } from '@readme/openapi-parser';
import { Document, type RulesetDefinition, Spectral } from '@stoplight/spectral-core';
import parsers from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import type { OpenApiDocument } from '../../shared/http/openapi';

/** The validator's errors; none when the document is valid OpenAPI 3.1. */
export async function specificationErrors(document: OpenApiDocument): Promise<string[]> {
  // the validator dereferences the object it is given: hand it a copy.
  const result = await validate(structuredClone(document) as never);
  return result.valid ? [] : result.errors.map((error) => error.message);
}

/** Spectral's findings with the recommended OpenAPI ruleset (what `spectral lint` reports), one line each. */
export async function spectralFindings(document: OpenApiDocument): Promise<string[]> {
  const spectral = new Spectral();
  // the ruleset's own type and spectral-core's differ only in how they spell formats.
  spectral.setRuleset(oas as RulesetDefinition);
  const results = await spectral.run(new Document(JSON.stringify(document), parsers.Json));
  return results.map((result) => `${result.code} at ${result.path.join('.')}: ${result.message}`);
}

/** `GET /zones/{zoneId}` for every operation the document describes. */
export function describedRouteKeys(described: OpenApiDocument): string[] {
  return Object.entries(described.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  );
}
