/**
 * Signs an official in to the district's user pool from a terminal and returns the tokens: the
 * `USER_PASSWORD_AUTH` flow of the app client, then whatever Cognito asks on the way (a new
 * password after the invitation, setting up the authenticator app, its code, a reset code).
 * Needs no AWS credentials: the official's own password and authenticator are the proof.
 */
import {
  AssociateSoftwareTokenCommand,
  type AuthenticationResultType,
  ConfirmForgotPasswordCommand,
  InitiateAuthCommand,
  type InitiateAuthCommandOutput,
  PasswordResetRequiredException,
  RespondToAuthChallengeCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Cognito } from './official-users';

/** The terminal: questions and notes go to the person, never into the printed token. */
export interface Prompter {
  ask(question: string, options?: { readonly secret?: boolean }): Promise<string>;
  say(line: string): void;
}

/** More rounds than the longest real path (new password, authenticator setup, then tokens). */
const MAX_CHALLENGES = 5;

/** The `otpauth://` URI an authenticator app scans (or takes as text) to add the account. */
export function authenticatorUri(username: string, secret: string): string {
  const label = encodeURIComponent(`giao-ban:${username}`);
  return `otpauth://totp/${label}?secret=${secret}&issuer=giao-ban`;
}

type Challenge = Pick<InitiateAuthCommandOutput, 'ChallengeName' | 'Session' | 'AuthenticationResult'>;

export async function signIn(
  cognito: Cognito,
  clientId: string,
  username: string,
  prompt: Prompter,
): Promise<AuthenticationResultType> {
  let response = await startSignIn(cognito, clientId, username, prompt);
  for (let round = 0; round < MAX_CHALLENGES; round++) {
    if (response.AuthenticationResult) return response.AuthenticationResult;
    const answer = (
      ChallengeName: RespondToAuthChallengeCommand['input']['ChallengeName'],
      extra = {},
      Session = response.Session,
    ) =>
      cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName,
          Session,
          ChallengeResponses: { USERNAME: username, ...extra },
        }),
      );
    switch (response.ChallengeName) {
      case 'NEW_PASSWORD_REQUIRED':
        prompt.say(
          'First sign-in: choose your own password (12+ characters, upper and lower case, a digit, a symbol).',
        );
        response = await answer('NEW_PASSWORD_REQUIRED', {
          NEW_PASSWORD: await prompt.ask('New password', { secret: true }),
        });
        break;
      case 'MFA_SETUP':
        response = await answer('MFA_SETUP', {}, await setUpAuthenticator(cognito, username, response.Session, prompt));
        break;
      case 'SOFTWARE_TOKEN_MFA':
        response = await answer('SOFTWARE_TOKEN_MFA', {
          SOFTWARE_TOKEN_MFA_CODE: await prompt.ask('Code from your authenticator app'),
        });
        break;
      default:
        throw new Error(`Cognito asked for ${response.ChallengeName ?? 'nothing'}, which this tool cannot answer`);
    }
  }
  throw new Error(`no tokens after ${MAX_CHALLENGES} rounds with Cognito`);
}

/** Signs in with the password; after an administrator's reset, takes the e-mailed code and a new one first. */
async function startSignIn(cognito: Cognito, clientId: string, username: string, prompt: Prompter): Promise<Challenge> {
  const initiate = (password: string) =>
    cognito.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );
  try {
    return await initiate(await prompt.ask(`Password of ${username}`, { secret: true }));
  } catch (error) {
    if (!(error instanceof PasswordResetRequiredException)) throw error;
    prompt.say('Your password was reset: enter the code sent to your e-mail and choose a new password.');
    const code = await prompt.ask('Code from the e-mail');
    const password = await prompt.ask('New password', { secret: true });
    await cognito.send(
      new ConfirmForgotPasswordCommand({
        ClientId: clientId,
        Username: username,
        ConfirmationCode: code,
        Password: password,
      }),
    );
    return initiate(password);
  }
}

/** Adds the authenticator app: shows its secret, checks a first code, returns the session to go on with. */
async function setUpAuthenticator(
  cognito: Cognito,
  username: string,
  session: string | undefined,
  prompt: Prompter,
): Promise<string | undefined> {
  const associated = await cognito.send(new AssociateSoftwareTokenCommand({ Session: session }));
  if (!associated.SecretCode) throw new Error('Cognito returned no authenticator secret');
  prompt.say('Add this account to your authenticator app (scan it as a QR code, or type the secret):');
  prompt.say(`  ${authenticatorUri(username, associated.SecretCode)}`);
  prompt.say(`  secret: ${associated.SecretCode}`);
  const verified = await cognito.send(
    new VerifySoftwareTokenCommand({
      Session: associated.Session,
      UserCode: await prompt.ask('Code the app now shows'),
      FriendlyDeviceName: 'giao-ban',
    }),
  );
  if (verified.Status !== 'SUCCESS') throw new Error('the authenticator code was not accepted');
  return verified.Session;
}
