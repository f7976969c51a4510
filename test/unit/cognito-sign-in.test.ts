/** `users token`: the sign-in conversation with Cognito, which is a stub of the SDK client's `send`. */
import { PasswordResetRequiredException } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { authenticatorUri, type Prompter, signIn } from '../../infra/tools/cognito-sign-in';
import type { Cognito } from '../../infra/tools/official-users';

type Reply = Record<string, unknown> | Error;

/** Answers each command by name from a script, and records what was sent. */
function scriptedCognito(script: Record<string, Reply[]>) {
  const calls: { name: string; input: Record<string, unknown> }[] = [];
  const send = async (command: { input: Record<string, unknown> }) => {
    const name = command.constructor.name.replace(/Command$/, '');
    calls.push({ name, input: command.input });
    const reply = script[name]?.shift();
    if (reply === undefined) throw new Error(`unexpected ${name}`);
    if (reply instanceof Error) throw reply;
    return reply;
  };
  return { cognito: { send } as unknown as Cognito, calls };
}

/** Answers questions in order and keeps what was said and which questions were secret. */
function scriptedPrompter(answers: string[]) {
  const asked: { question: string; secret: boolean }[] = [];
  const said: string[] = [];
  const prompter: Prompter = {
    async ask(question, options = {}) {
      asked.push({ question, secret: options.secret === true });
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`unexpected question: ${question}`);
      return answer;
    },
    say: (line) => said.push(line),
  };
  return { prompter, asked, said };
}

const TOKENS = { AccessToken: 'access', IdToken: 'id', RefreshToken: 'refresh' };

describe('signIn', () => {
  it('takes a first sign-in through the new password and the authenticator setup to the tokens', async () => {
    const { cognito, calls } = scriptedCognito({
      InitiateAuth: [{ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's1' }],
      RespondToAuthChallenge: [{ ChallengeName: 'MFA_SETUP', Session: 's2' }, { AuthenticationResult: TOKENS }],
      AssociateSoftwareToken: [{ SecretCode: 'JBSWY3DPEHPK3PXP', Session: 's3' }],
      VerifySoftwareToken: [{ Status: 'SUCCESS', Session: 's4' }],
    });
    const { prompter, asked, said } = scriptedPrompter(['Tam-thoi-1!', 'Mat-khau-moi-2027!', '123456']);

    expect(await signIn(cognito, 'client-1', 'van-phong-1', prompter)).toEqual(TOKENS);

    expect(calls).toEqual([
      {
        name: 'InitiateAuth',
        input: {
          ClientId: 'client-1',
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'van-phong-1', PASSWORD: 'Tam-thoi-1!' },
        },
      },
      {
        name: 'RespondToAuthChallenge',
        input: {
          ClientId: 'client-1',
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: 's1',
          ChallengeResponses: { USERNAME: 'van-phong-1', NEW_PASSWORD: 'Mat-khau-moi-2027!' },
        },
      },
      { name: 'AssociateSoftwareToken', input: { Session: 's2' } },
      {
        name: 'VerifySoftwareToken',
        input: { Session: 's3', UserCode: '123456', FriendlyDeviceName: 'giao-ban' },
      },
      {
        name: 'RespondToAuthChallenge',
        input: {
          ClientId: 'client-1',
          ChallengeName: 'MFA_SETUP',
          Session: 's4',
          ChallengeResponses: { USERNAME: 'van-phong-1' },
        },
      },
    ]);
    expect(asked.map((question) => question.secret)).toEqual([true, true, false]);
    expect(said.join('\n')).toContain(authenticatorUri('van-phong-1', 'JBSWY3DPEHPK3PXP'));
  });

  it('answers the authenticator code on later sign-ins', async () => {
    const { cognito, calls } = scriptedCognito({
      InitiateAuth: [{ ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 's1' }],
      RespondToAuthChallenge: [{ AuthenticationResult: TOKENS }],
    });
    const { prompter } = scriptedPrompter(['Mat-khau-moi-2027!', '654321']);

    expect(await signIn(cognito, 'client-1', 'van-phong-1', prompter)).toEqual(TOKENS);
    expect(calls.at(-1)?.input).toMatchObject({
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: 's1',
      ChallengeResponses: { USERNAME: 'van-phong-1', SOFTWARE_TOKEN_MFA_CODE: '654321' },
    });
  });

  it('after an administrator’s reset, confirms the e-mailed code with a new password and signs in with it', async () => {
    const { cognito, calls } = scriptedCognito({
      InitiateAuth: [
        new PasswordResetRequiredException({ message: 'Password reset required for the user', $metadata: {} }),
        { AuthenticationResult: TOKENS },
      ],
      ConfirmForgotPassword: [{}],
    });
    const { prompter } = scriptedPrompter(['cu', '889900', 'Moi-hon-nua-2027!']);

    expect(await signIn(cognito, 'client-1', 'van-phong-1', prompter)).toEqual(TOKENS);
    expect(calls.map((call) => call.name)).toEqual(['InitiateAuth', 'ConfirmForgotPassword', 'InitiateAuth']);
    expect(calls[1]?.input).toEqual({
      ClientId: 'client-1',
      Username: 'van-phong-1',
      ConfirmationCode: '889900',
      Password: 'Moi-hon-nua-2027!',
    });
    expect(calls[2]?.input).toMatchObject({ AuthParameters: { PASSWORD: 'Moi-hon-nua-2027!' } });
  });

  it('stops on a challenge it cannot answer and on an authenticator code that is refused', async () => {
    const unknown = scriptedCognito({ InitiateAuth: [{ ChallengeName: 'SMS_MFA', Session: 's1' }] });
    await expect(signIn(unknown.cognito, 'c', 'u', scriptedPrompter(['p']).prompter)).rejects.toThrow(/SMS_MFA/);

    const refused = scriptedCognito({
      InitiateAuth: [{ ChallengeName: 'MFA_SETUP', Session: 's1' }],
      AssociateSoftwareToken: [{ SecretCode: 'ABC', Session: 's2' }],
      VerifySoftwareToken: [{ Status: 'ERROR' }],
    });
    await expect(signIn(refused.cognito, 'c', 'u', scriptedPrompter(['p', '000000']).prompter)).rejects.toThrow(
      /not accepted/,
    );
  });
});
