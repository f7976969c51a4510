/** The officials' user pool: Vietnamese messages, the sign-in flows the tools use, and the optional managed login. */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app';
import { ACCOUNT_MESSAGES } from '../../infra/constructs/identity';
import { loadDistrictConfigs } from '../../infra/district-configs';
import type { DistrictConfig } from '../../shared/domain/structure/district-config';
import { nagFindings, only, WITHOUT_BUNDLING_OR_SCHEMA_CHECK } from './helpers';

const giaLoc = only(
  loadDistrictConfigs().filter((config) => config.district.id === 'gia-loc'),
  'gia-loc config',
);

function build(config: DistrictConfig) {
  const built = buildApp({
    districtIds: ['gia-loc'],
    allowSamples: true,
    configs: [config],
    appProps: WITHOUT_BUNDLING_OR_SCHEMA_CHECK,
  });
  const { data } = only(built.districts, 'district');
  return { data: Template.fromStack(data), dataStack: data, nag: nagFindings(built.app) };
}

const LOGIN = {
  domainPrefix: 'giao-ban-gia-loc',
  callbackUrls: ['https://giaoban.gialoc.example/callback'],
  logoutUrls: ['https://giaoban.gialoc.example/'],
};

describe('the user pool', () => {
  const { data } = build(giaLoc);

  it('invites and sends codes in Vietnamese, with the username and code placeholders Cognito fills in', () => {
    data.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: {
        AllowAdminCreateUserOnly: true,
        InviteMessageTemplate: {
          EmailSubject: ACCOUNT_MESSAGES.invitationSubject,
          EmailMessage: ACCOUNT_MESSAGES.invitationBody,
        },
      },
      VerificationMessageTemplate: Match.objectLike({
        DefaultEmailOption: 'CONFIRM_WITH_CODE',
        EmailSubject: ACCOUNT_MESSAGES.codeSubject,
        EmailMessage: ACCOUNT_MESSAGES.codeBody,
      }),
    });
    expect(ACCOUNT_MESSAGES.invitationBody).toContain('{username}');
    expect(ACCOUNT_MESSAGES.invitationBody).toContain('{####}');
    expect(ACCOUNT_MESSAGES.codeBody).toContain('{####}');
  });

  it('lets the app client sign in with SRP and, for the users tool, with the password; no OAuth without login', () => {
    data.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthFlowsUserPoolClient: false,
    });
    data.resourceCountIs('AWS::Cognito::UserPoolDomain', 0);
  });
});

describe('the pool across deploys', () => {
  const { data, dataStack } = build(giaLoc);

  // The accounts and MFA devices live in this one pool: a new logical id would make CloudFormation
  // create another, empty pool (the old one retained, but no longer the one the API trusts).
  it('keeps the logical id it was first deployed with', () => {
    expect(Object.keys(data.findResources('AWS::Cognito::UserPool'))).toEqual(['IdentityUserPool96FE3B9B']);
  });

  it('is retained on stack deletion and on replacement, with deletion protection', () => {
    data.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
    });
  });

  it('names the district in its name (renamed in place) and in the stack tags CloudFormation gives it', () => {
    data.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolName: 'giao-ban-gia-loc' });
    expect(dataStack.tags.tagValues()).toMatchObject({ district: 'gia-loc' });
  });
});

describe('managed login, when the config asks for it', () => {
  const { data, nag } = build({ ...giaLoc, deployment: { ...giaLoc.deployment, login: LOGIN } });

  it('has a Cognito domain with the newer managed login and its default branding', () => {
    data.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: LOGIN.domainPrefix,
      ManagedLoginVersion: 2,
    });
    data.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', { UseCognitoProvidedValues: true });
    expect(data.findOutputs('LoginDomain')).not.toEqual({});
  });

  it('gives the app client the authorization code flow to the configured addresses only', () => {
    data.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: Match.arrayEquals(['openid', 'email', 'profile']),
      CallbackURLs: LOGIN.callbackUrls,
      LogoutURLs: LOGIN.logoutUrls,
      GenerateSecret: false,
    });
  });

  it('stays cdk-nag clean', () => {
    expect(nag).toEqual([]);
  });
});
