/**
 * Who the callers are: a Cognito user pool of the district's officials and the app client their
 * tokens are issued to, with the API scope in every access token. The API's JWT authorizer trusts this
 * pool and requires that scope; authority comes from the table.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccountRecovery, FeaturePlan, Mfa, UserPool, type UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ApiScopeGrant } from './api-scope-grant';

/** The district's user pool, its app client and the token issuer URL. */
export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** The API's OAuth scope: defined on the pool and added to every access token. */
  readonly apiScope: ApiScopeGrant;
  /** The `iss` claim of the pool's tokens: `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
  readonly issuer: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      // the office creates accounts for known officials; nobody signs up on their own.
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      signInCaseSensitive: false,
      // party documents are sensitive: every sign-in needs an authenticator app code (no SMS cost or SIM-swap risk).
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      // the pool holds the officials' accounts and MFA devices: never lose it with a stack.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'Essentials plan on purpose: a closed pool of officials created by the office (no self sign-up) with MFA ' +
        'required for everyone; the Plus plan adds per-user threat protection charges with no free tier.',
    });

    this.client = this.userPool.addClient('AppClient', {
      // a public client (browser or phone app) cannot keep a secret.
      generateSecret: false,
      authFlows: { userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });

    this.apiScope = new ApiScopeGrant(this, 'ApiScope', { userPool: this.userPool });
    this.issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
