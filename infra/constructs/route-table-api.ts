/**
 * The HTTP API built from the one route table: every route goes to its function, behind the JWT
 * authorizer and the API's OAuth scope unless the table marks it public, and `$default` answers
 * unmatched requests.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  type CorsPreflightOptions,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { HttpFunctionName, RouteDefinition } from '../../functions/routes';
import { CORS_ALLOWED_HEADERS, CORS_EXPOSED_HEADERS, CORS_MAX_AGE_SECONDS } from '../../shared/http/cors';

/**
 * Steady rate and burst for every route of the stage. A district has a few hundred officials;
 * this leaves room for a whole zone meeting at once and stops a runaway client well before cost.
 */
export const DEFAULT_ROUTE_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;

/** One JSON object per request, with HTTP API context variables only. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    routeKey: '$context.routeKey',
    method: '$context.httpMethod',
    path: '$context.path',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    sub: '$context.authorizer.claims.sub',
  }),
);

export interface RouteTableApiProps {
  readonly routes: readonly RouteDefinition[];
  /** The function that serves each name the routes use; `system` also serves `$default`. */
  readonly functions: Readonly<Record<HttpFunctionName, { readonly function: IFunction }>>;
  /** The token issuer the JWT authorizer trusts. */
  readonly issuer: string;
  /** The `aud` (ID token) or `client_id` (access token) a token must carry. */
  readonly audience: string;
  readonly apiName: string;
  /** The OAuth scope every signed-in route requires: only access tokens carry it, so ID tokens are refused. */
  readonly requiredScope: string;
  readonly description: string;
  /**
   * Origins whose pages may call the API from a browser; API Gateway then answers their
   * preflights itself, without a token.
   *
   * @default - none: no cross-origin calls
   */
  readonly corsOrigins?: readonly string[];
}

/** API Gateway's CORS settings for the listed origins and the table's methods (the local gateway applies the same ones). */
function corsPreflightOf(routes: readonly RouteDefinition[], origins: readonly string[]): CorsPreflightOptions {
  return {
    allowOrigins: [...origins],
    allowMethods: [...new Set(routes.map((route) => CorsHttpMethod[route.method]))],
    allowHeaders: [...CORS_ALLOWED_HEADERS],
    exposeHeaders: [...CORS_EXPOSED_HEADERS],
    maxAge: Duration.seconds(CORS_MAX_AGE_SECONDS),
  };
}

/** An HTTP API with a `$default` stage, access logs, default throttling and one route per table entry. */
export class RouteTableApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: RouteTableApiProps) {
    super(scope, id);

    const corsOrigins = props.corsOrigins ?? [];
    this.api = new HttpApi(this, 'HttpApi', {
      apiName: props.apiName,
      description: props.description,
      createDefaultStage: false,
      corsPreflight: corsOrigins.length > 0 ? corsPreflightOf(props.routes, corsOrigins) : undefined,
    });
    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_YEAR });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: DEFAULT_ROUTE_THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(this.accessLogs), format: ACCESS_LOG_FORMAT },
    });

    const jwt = new HttpJwtAuthorizer('CognitoJwt', props.issuer, { jwtAudience: [props.audience] });
    const integrations = new Map<HttpFunctionName, HttpLambdaIntegration>();
    const integrationOf = (name: HttpFunctionName): HttpLambdaIntegration => {
      let integration = integrations.get(name);
      if (integration === undefined) {
        // one permission per function for the whole API: per-route permissions would outgrow
        // the 20 KB function policy limit for the functions that serve dozens of routes.
        integration = new HttpLambdaIntegration(`${name}Integration`, props.functions[name].function, {
          scopePermissionToRoute: false,
        });
        integrations.set(name, integration);
      }
      return integration;
    };
    const authorizerOf = (route: RouteDefinition): IHttpRouteAuthorizer =>
      route.access.kind === 'public' ? new HttpNoneAuthorizer() : jwt;

    for (const route of props.routes) {
      const httpRoutes = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrationOf(route.fn),
        authorizer: authorizerOf(route),
        authorizationScopes: route.access.kind === 'public' ? undefined : [props.requiredScope],
      });
      if (route.access.kind === 'public') {
        for (const httpRoute of httpRoutes) {
          Validations.of(httpRoute).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason: `The route table marks ${route.method} ${route.path} public (${route.summary}): it returns no district data; every other route requires the Cognito JWT.`,
          });
        }
      }
    }

    // unmatched paths and methods still need a token, so the API reveals nothing to strangers.
    new HttpRoute(this, 'DefaultRoute', {
      httpApi: this.api,
      routeKey: HttpRouteKey.DEFAULT,
      integration: integrationOf('system'),
      authorizer: jwt,
      authorizationScopes: [props.requiredScope],
    });
  }
}
