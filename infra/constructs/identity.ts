/**
 * Who the callers are: a Cognito user pool of the district's officials and the app client their
 * tokens are issued to, with the API scope in every access token. The API's JWT authorizer trusts this
 * pool and requires that scope; authority comes from the table.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { DeploymentSettings } from '../../shared/domain/structure/district-config';
import { ApiScopeGrant } from './api-scope-grant';

export interface IdentityProps {
  readonly districtId: string;
  /**
   * Cognito's managed login pages for browser apps (authorization code with PKCE).
   *
   * @default - none: tokens come from the `users token` command or an app's own SRP sign-in
   */
  readonly login?: DeploymentSettings['login'];
}

/** What Cognito e-mails the officials, in Vietnamese: the invitation and the codes (verification, password reset). */
export const ACCOUNT_MESSAGES = {
  invitationSubject: 'Tài khoản hệ thống giao ban của đồng chí',
  invitationBody:
    'Kính gửi đồng chí,<br><br>Văn phòng Huyện ủy đã tạo tài khoản cho đồng chí trên hệ thống giao ban.<br>' +
    'Tên đăng nhập: <b>{username}</b><br>Mật khẩu tạm thời: <b>{####}</b><br><br>' +
    'Mật khẩu tạm thời có hiệu lực 3 ngày. Lần đăng nhập đầu tiên, đồng chí đặt mật khẩu mới và cài ứng dụng ' +
    'xác thực (authenticator) trên điện thoại theo hướng dẫn của văn phòng.',
  codeSubject: 'Mã xác minh hệ thống giao ban',
  codeBody: 'Mã xác minh của đồng chí là <b>{####}</b>. Không chia sẻ mã này với bất kỳ ai.',
} as const;

/** The district's user pool, its app client and the token issuer URL. */
export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** The API's OAuth scope: defined on the pool and added to every access token. */
  readonly apiScope: ApiScopeGrant;
  /** The `iss` claim of the pool's tokens: `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
  readonly issuer: string;
  /** The managed login domain, when the district's config asks for it. */
  readonly domain?: UserPoolDomain;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      // A label for the console, safe to set on a deployed pool: CloudFormation renames a pool in
      // place (UserPoolName "Update requires: No interruption"; Cognito's UpdateUserPool takes a
      // PoolName), so the name never replaces the pool and its accounts. A new logical id would:
      // test/infra/identity.test.ts pins it. The district id is also in the stack's tags.
      userPoolName: `giao-ban-${props.districtId}`,
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
      userInvitation: {
        emailSubject: ACCOUNT_MESSAGES.invitationSubject,
        emailBody: ACCOUNT_MESSAGES.invitationBody,
      },
      userVerification: {
        emailStyle: VerificationEmailStyle.CODE,
        emailSubject: ACCOUNT_MESSAGES.codeSubject,
        emailBody: ACCOUNT_MESSAGES.codeBody,
      },
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

    const { login } = props;
    this.client = this.userPool.addClient('AppClient', {
      // a public client (browser or phone app) cannot keep a secret.
      generateSecret: false,
      // SRP for apps; the password flow for the `users token` command (TLS to Cognito, MFA still required).
      authFlows: { userSrp: true, userPassword: true },
      ...(login === undefined
        ? { disableOAuth: true }
        : {
            // authorization code only: browser apps add PKCE (code_challenge, S256) and Cognito then checks the verifier.
            oAuth: {
              flows: { authorizationCodeGrant: true },
              scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
              callbackUrls: [...login.callbackUrls],
              logoutUrls: login.logoutUrls && [...login.logoutUrls],
            },
          }),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });
    if (login !== undefined) {
      this.domain = this.userPool.addDomain('Domain', {
        cognitoDomain: { domainPrefix: login.domainPrefix },
        managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
      });
      // the newer managed login shows nothing without a branding; Cognito's own look is enough.
      new CfnManagedLoginBranding(this, 'Branding', {
        userPoolId: this.userPool.userPoolId,
        clientId: this.client.userPoolClientId,
        useCognitoProvidedValues: true,
      });
    }

    this.apiScope = new ApiScopeGrant(this, 'ApiScope', { userPool: this.userPool });
    this.issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
