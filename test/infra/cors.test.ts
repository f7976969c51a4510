/** CORS on the HTTP API: only for the origins the district config lists, answered by API Gateway without a token. */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app';
import { loadDistrictConfigs } from '../../infra/district-configs';
import type { DistrictConfig } from '../../shared/domain/structure/district-config';
import { CORS_ALLOWED_HEADERS, CORS_EXPOSED_HEADERS, CORS_MAX_AGE_SECONDS } from '../../shared/http/cors';
import { nagFindings, only, WITHOUT_BUNDLING_OR_SCHEMA_CHECK } from './helpers';

const giaLoc = only(
  loadDistrictConfigs().filter((config) => config.district.id === 'gia-loc'),
  'gia-loc config',
);

function apiOf(config: DistrictConfig) {
  const { districts } = buildApp({
    districtIds: ['gia-loc'],
    configs: [config],
    allowSamples: true,
    appProps: WITHOUT_BUNDLING_OR_SCHEMA_CHECK,
  });
  const district = only(districts, 'district');
  return { stack: district.api, template: Template.fromStack(district.api) };
}

describe('CORS on the HTTP API', () => {
  it('is off when the district lists no origin', () => {
    expect(giaLoc.deployment.corsOrigins).toBeUndefined();
    apiOf(giaLoc).template.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent() });
  });

  it('lets the listed origins call with a token, an If-Match and a JSON body, and read ETag and Location', () => {
    const origins = ['https://console.gia-loc.example', 'http://localhost:5173'];
    const { stack, template } = apiOf({ ...giaLoc, deployment: { ...giaLoc.deployment, corsOrigins: origins } });

    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: origins,
        AllowHeaders: [...CORS_ALLOWED_HEADERS],
        ExposeHeaders: [...CORS_EXPOSED_HEADERS],
        MaxAge: CORS_MAX_AGE_SECONDS,
        AllowCredentials: Match.absent(),
      },
    });
    const api = only(Object.values(template.findResources('AWS::ApiGatewayV2::Api')), 'HTTP API');
    expect(api.Properties.CorsConfiguration.AllowMethods.sort()).toEqual(['DELETE', 'GET', 'PATCH', 'POST', 'PUT']);
    expect(nagFindings(stack)).toEqual([]);
  });
});
