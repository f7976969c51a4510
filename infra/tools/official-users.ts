/**
 * The officials' Cognito accounts, managed by the deployer: one user per official, named by the
 * official's id, whose `sub` is recorded as the official's `subject` so the API knows who signs in.
 * Every command is idempotent: running it again converges and changes nothing more.
 */
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminUserGlobalSignOutCommand,
  type AttributeType,
  type CognitoIdentityProviderClient,
  ListUsersCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Actor } from '../../shared/db/change-set';
import { keys } from '../../shared/db/keys';
import { ConflictError } from '../../shared/domain/errors';
import { officialSchema } from '../../shared/domain/structure/entities';
import { type LinkOutcome, linkOfficialAccount } from '../../shared/services/structure/official-accounts';
import { findRecord } from '../../shared/services/structure/structure-queries';
import { loadUnit, unitKind } from '../../shared/services/structure/unit-kinds';

/** The one thing the tool needs of the SDK client: tests give a stub of it, nothing else is faked. */
export type Cognito = Pick<CognitoIdentityProviderClient, 'send'>;

export interface UserPool {
  readonly cognito: Cognito;
  readonly userPoolId: string;
}

/** How the audit trail names changes made by this tool. */
export const USERS_TOOL: Actor = { id: 'system:users-tool' };

/** An official's Cognito user as the commands report it. */
export interface OfficialUser {
  readonly officialId: string;
  readonly email: string | undefined;
  readonly sub: string;
  /** Cognito's status: FORCE_CHANGE_PASSWORD until the first sign-in, then CONFIRMED, … */
  readonly status: string;
  readonly enabled: boolean;
}

function attribute(attributes: readonly AttributeType[] | undefined, name: string): string | undefined {
  return attributes?.find((candidate) => candidate.Name === name)?.Value;
}

function toUser(
  officialId: string,
  user: { Attributes?: AttributeType[]; UserAttributes?: AttributeType[]; UserStatus?: string; Enabled?: boolean },
): OfficialUser {
  const attributes = user.Attributes ?? user.UserAttributes;
  const sub = attribute(attributes, 'sub');
  if (sub === undefined) throw new Error(`Cognito returned user "${officialId}" without a sub`);
  return {
    officialId,
    email: attribute(attributes, 'email'),
    sub,
    status: user.UserStatus ?? 'UNKNOWN',
    enabled: user.Enabled ?? false,
  };
}

/** The official's user, or undefined when there is none. */
export async function findUser(pool: UserPool, officialId: string): Promise<OfficialUser | undefined> {
  try {
    const user = await pool.cognito.send(
      new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: officialId }),
    );
    return toUser(officialId, user);
  } catch (error) {
    if (error instanceof UserNotFoundException) return undefined;
    throw error;
  }
}

async function requireUser(pool: UserPool, officialId: string): Promise<OfficialUser> {
  const user = await findUser(pool, officialId);
  if (user === undefined) throw new Error(`official "${officialId}" has no account yet: use "users create" first`);
  return user;
}

export interface CreateOutcome {
  readonly user: OfficialUser;
  /** False when the user already existed (no second invitation is sent). */
  readonly created: boolean;
  readonly link: LinkOutcome;
}

/**
 * Creates the official's user with an invitation e-mail (temporary password, Vietnamese text from
 * the user pool) and records its `sub` on the official. The official and an account it may
 * already have are checked before Cognito is touched.
 */
export async function createUser(pool: UserPool, officialId: string, email: string): Promise<CreateOutcome> {
  const official = await loadUnit(unitKind('official'), officialId);
  const existing = await findUser(pool, officialId);
  const linked = official.value.subject;
  if (linked !== undefined && linked !== existing?.sub) {
    throw new ConflictError(
      'official_has_account',
      `official "${officialId}" is linked to subject "${String(linked)}", not to a user of this pool`,
    );
  }
  if (existing !== undefined && existing.email?.toLowerCase() !== email.toLowerCase()) {
    throw new Error(
      `official "${officialId}" already has a user with e-mail ${existing.email ?? '(none)'}; not changing it to ${email}`,
    );
  }
  const user = existing ?? (await inviteUser(pool, officialId, email));
  const link = await linkOfficialAccount(officialId, user.sub, USERS_TOOL);
  return { user, created: existing === undefined, link };
}

async function inviteUser(pool: UserPool, officialId: string, email: string): Promise<OfficialUser> {
  const { User } = await pool.cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: pool.userPoolId,
      Username: officialId,
      // verified, so a forgotten password can be reset by a code sent to this address.
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
      DesiredDeliveryMediums: ['EMAIL'],
    }),
  );
  if (User === undefined) throw new Error(`Cognito created no user for "${officialId}"`);
  return toUser(officialId, User);
}

/** Every user of the pool, with whether its official records its `sub`. */
export async function listUsers(pool: UserPool): Promise<(OfficialUser & { readonly linked: boolean })[]> {
  const users: (OfficialUser & { linked: boolean })[] = [];
  let token: string | undefined;
  do {
    const page = await pool.cognito.send(new ListUsersCommand({ UserPoolId: pool.userPoolId, PaginationToken: token }));
    for (const entry of page.Users ?? []) {
      const user = toUser(entry.Username ?? '', entry);
      const official = await findRecord(officialSchema, keys.unit('official', user.officialId));
      users.push({ ...user, linked: official?.value.subject === user.sub });
    }
    token = page.PaginationToken;
  } while (token);
  return users.sort((a, b) => a.officialId.localeCompare(b.officialId));
}

/** Blocks sign-in and revokes the refresh tokens; access tokens already issued expire within the hour. */
export async function disableUser(pool: UserPool, officialId: string): Promise<void> {
  await requireUser(pool, officialId);
  await pool.cognito.send(new AdminDisableUserCommand({ UserPoolId: pool.userPoolId, Username: officialId }));
  await pool.cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: pool.userPoolId, Username: officialId }));
}

export async function enableUser(pool: UserPool, officialId: string): Promise<void> {
  await requireUser(pool, officialId);
  await pool.cognito.send(new AdminEnableUserCommand({ UserPoolId: pool.userPoolId, Username: officialId }));
}

export type ResetOutcome = 'invitation-resent' | 'password-and-mfa-reset';

/**
 * A fresh start for an official who cannot get in. Before the first sign-in: a new invitation
 * (the temporary password lasts 3 days). After it: a reset code by e-mail, the authenticator
 * forgotten (set up again at the next sign-in) and every session signed out.
 */
export async function resetUser(pool: UserPool, officialId: string): Promise<ResetOutcome> {
  const user = await requireUser(pool, officialId);
  const target = { UserPoolId: pool.userPoolId, Username: officialId };
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    await pool.cognito.send(
      new AdminCreateUserCommand({ ...target, MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'] }),
    );
    return 'invitation-resent';
  }
  await pool.cognito.send(new AdminResetUserPasswordCommand(target));
  await pool.cognito.send(
    new AdminSetUserMFAPreferenceCommand({
      ...target,
      SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
    }),
  );
  await pool.cognito.send(new AdminUserGlobalSignOutCommand(target));
  return 'password-and-mfa-reset';
}
