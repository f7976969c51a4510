/**
 * The API's OAuth scope in the user pool, and in every access token the pool issues. Cognito puts
 * custom scopes only into tokens from its OAuth endpoints; the app signs in with SRP (InitiateAuth),
 * whose access tokens carry just `aws.cognito.signin.user.admin`, so a version 2 pre token
 * generation trigger (Essentials plan) adds the scope. ID tokens never carry scopes: a route that
 * requires this one refuses them.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import {
  LambdaVersion,
  ResourceServerScope,
  type UserPool,
  UserPoolOperation,
  type UserPoolResourceServer,
} from 'aws-cdk-lib/aws-cognito';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { API_RESOURCE_SERVER, API_SCOPE, API_SCOPE_NAME } from '../api-scope';

/**
 * The trigger, inline: five lines need no bundle. The pool has one app client, so every access
 * token it issues (sign-in and refresh alike) is one for this API.
 */
const ADD_SCOPE_SOURCE = `exports.handler = async (event) => {
  event.response = { claimsAndScopeOverrideDetails: { accessTokenGeneration: { scopesToAdd: [${JSON.stringify(API_SCOPE)}] } } };
  return event;
};`;

export interface ApiScopeGrantProps {
  readonly userPool: UserPool;
}

export class ApiScopeGrant extends Construct {
  readonly resourceServer: UserPoolResourceServer;
  readonly trigger: LambdaFunction;

  constructor(scope: Construct, id: string, props: ApiScopeGrantProps) {
    super(scope, id);
    this.resourceServer = props.userPool.addResourceServer('ResourceServer', {
      identifier: API_RESOURCE_SERVER,
      scopes: [new ResourceServerScope({ scopeName: API_SCOPE_NAME, scopeDescription: 'Call the giao-ban API' })],
    });

    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.THREE_MONTHS });
    // an own role instead of AWSLambdaBasicExecutionRole: it may write to this log group only.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Adds the API scope to access tokens',
    });
    logGroup.grantWrite(role);
    this.trigger = new LambdaFunction(this, 'Function', {
      description: `Adds ${API_SCOPE} to every access token of the pool`,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      handler: 'index.handler',
      code: Code.fromInline(ADD_SCOPE_SOURCE),
      memorySize: 128,
      // Cognito waits at most 5 s for a trigger.
      timeout: Duration.seconds(5),
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
    });
    Validations.of(this.trigger).acknowledge(
      {
        id: 'Serverless-LambdaDLQ',
        reason:
          'Cognito invokes the trigger synchronously during sign-in and answers the user with its error; a ' +
          'dead-letter queue only ever receives asynchronous events.',
      },
      {
        id: 'Serverless-LambdaTracing',
        reason: 'Five lines that touch no other service: a trace would show nothing the function’s logs do not.',
      },
    );
    props.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, this.trigger, LambdaVersion.V2_0);
  }
}
