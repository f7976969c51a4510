/**
 * `npm run users -- <command>`: the officials' accounts of a deployed district.
 *
 *   create <official-id> --email <address>   invite the official and link the account (idempotent)
 *   list                                      every account, its status and whether it is linked
 *   disable <official-id> | enable <official-id>
 *   reset <official-id>                       new invitation, or password reset code + authenticator again
 *   token <official-id>                       sign in as the official; prints an access token
 *
 * The account commands run with the deployer's AWS credentials and need USER_POOL_ID,
 * TABLE_NAME, DISTRICT_ID and AWS_REGION (the stacks' outputs); `token` needs only
 * USER_POOL_CLIENT_ID and AWS_REGION, and the official's password and authenticator.
 */

import { parseArgs } from 'node:util';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoConfig, config } from '../../shared/config';
import { AppError } from '../../shared/domain/errors';
import { signIn } from './cognito-sign-in';
import { createUser, disableUser, enableUser, listUsers, resetUser, type UserPool } from './official-users';
import { terminalPrompter } from './terminal-prompter';

const USAGE = `usage: npm run users -- create <official-id> --email <address>
       npm run users -- list | disable <official-id> | enable <official-id> | reset <official-id>
       npm run -s users -- token <official-id>`;

class UsageError extends Error {}

function required(name: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`${name} is not set: take it from the stack outputs (see the README)`);
  return value;
}

function userPool(): UserPool {
  const { USER_POOL_ID, AWS_REGION } = cognitoConfig();
  try {
    config(); // the table side, checked before anything changes
  } catch {
    throw new UsageError('TABLE_NAME and DISTRICT_ID must be set: take them from the stack outputs (see the README)');
  }
  return {
    cognito: new CognitoIdentityProviderClient({ region: AWS_REGION }),
    userPoolId: required('USER_POOL_ID', USER_POOL_ID),
  };
}

async function run(argv: readonly string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { email: { type: 'string' } },
  });
  const [command, officialId] = positionals;
  const official = () => required('<official-id>', officialId);
  switch (command) {
    case 'create': {
      const outcome = await createUser(userPool(), official(), required('--email', values.email));
      console.log(
        `${outcome.user.officialId}: ${outcome.created ? 'invited' : 'user already there'} (${outcome.user.email}), ` +
          `${outcome.link === 'linked' ? 'subject recorded' : 'subject already recorded'}: ${outcome.user.sub}`,
      );
      return;
    }
    case 'list':
      for (const user of await listUsers(userPool())) {
        const state = `${user.status}${user.enabled ? '' : ' DISABLED'}`;
        console.log(`${user.officialId}\t${user.email ?? '-'}\t${state}\t${user.linked ? 'linked' : 'NOT LINKED'}`);
      }
      return;
    case 'disable':
      await disableUser(userPool(), official());
      console.log(`${official()}: disabled, signed out everywhere (tokens already issued last at most an hour)`);
      return;
    case 'enable':
      await enableUser(userPool(), official());
      console.log(`${official()}: enabled`);
      return;
    case 'reset': {
      const outcome = await resetUser(userPool(), official());
      console.log(
        outcome === 'invitation-resent'
          ? `${official()}: new invitation sent (temporary password valid 3 days)`
          : `${official()}: reset code sent by e-mail; the authenticator is set up again at the next sign-in`,
      );
      return;
    }
    case 'token': {
      const { USER_POOL_CLIENT_ID, AWS_REGION } = cognitoConfig();
      const cognito = new CognitoIdentityProviderClient({ region: AWS_REGION });
      const tokens = await signIn(
        cognito,
        required('USER_POOL_CLIENT_ID', USER_POOL_CLIENT_ID),
        official(),
        terminalPrompter(),
      );
      // stdout holds the token alone, for `TOKEN=$(npm run -s users -- token <id>)`.
      console.log(tokens.AccessToken);
      return;
    }
    default:
      throw new UsageError(command === undefined ? 'no command given' : `unknown command "${command}"`);
  }
}

try {
  await run(process.argv.slice(2));
} catch (error) {
  // what the operator can act on is the message; a stack trace would bury it.
  if (!(error instanceof UsageError || error instanceof AppError || (error as Error).name?.endsWith('Exception')))
    throw error;
  console.error(`${(error as Error).message}${error instanceof UsageError ? `\n${USAGE}` : ''}`);
  process.exitCode = 1;
}
