/**
 * `npm run users`: the table side runs on DynamoDB Local; Cognito, which cannot run locally, is a
 * stub of the SDK client's `send` that keeps users in memory and records every command.
 */
import { randomUUID } from 'node:crypto';
import { type AttributeType, UserNotFoundException } from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Cognito,
  createUser,
  disableUser,
  enableUser,
  listUsers,
  resetUser,
  USERS_TOOL,
  type UserPool,
} from '../../infra/tools/official-users';
import { keys } from '../../shared/db/keys';
import { queryAll } from '../../shared/db/store';
import { ConflictError, NotFoundError } from '../../shared/domain/errors';
import { officialSchema } from '../../shared/domain/structure/entities';
import { importStructure } from '../../shared/services/structure/import-structure';
import { linkOfficialAccount } from '../../shared/services/structure/official-accounts';
import { findRecord } from '../../shared/services/structure/structure-queries';
import { readSampleConfig } from '../support/sample-district';

interface FakeUser {
  sub: string;
  email: string;
  status: string;
  enabled: boolean;
  authenticator: boolean;
}

/** Cognito's answers for the commands the tool sends, from users kept in memory. */
class FakeCognito {
  readonly users = new Map<string, FakeUser>();
  readonly calls: { name: string; input: Record<string, unknown> }[] = [];

  readonly send = async (command: { input: Record<string, unknown> }): Promise<unknown> => {
    const name = command.constructor.name.replace(/Command$/, '');
    const input = command.input;
    this.calls.push({ name, input });
    const username = String(input.Username);
    const user = () => {
      const found = this.users.get(username);
      if (!found) throw new UserNotFoundException({ message: 'User does not exist.', $metadata: {} });
      return found;
    };
    switch (name) {
      case 'AdminGetUser':
        return this.describe(username, user(), 'UserAttributes');
      case 'AdminCreateUser': {
        if (input.MessageAction === 'RESEND') return { User: this.describe(username, user(), 'Attributes') };
        const attributes = input.UserAttributes as AttributeType[];
        const email = attributes.find((attribute) => attribute.Name === 'email')?.Value ?? '';
        const created = {
          sub: randomUUID(),
          email,
          status: 'FORCE_CHANGE_PASSWORD',
          enabled: true,
          authenticator: false,
        };
        this.users.set(username, created);
        return { User: this.describe(username, created, 'Attributes') };
      }
      case 'ListUsers': {
        // two per page, so the tool has to follow the pagination token.
        const all = [...this.users.entries()];
        const start = Number(input.PaginationToken ?? 0);
        const next = start + 2 < all.length ? String(start + 2) : undefined;
        return {
          Users: all.slice(start, start + 2).map(([id, entry]) => this.describe(id, entry, 'Attributes')),
          PaginationToken: next,
        };
      }
      case 'AdminDisableUser':
        user().enabled = false;
        return {};
      case 'AdminEnableUser':
        user().enabled = true;
        return {};
      case 'AdminResetUserPassword':
        user().status = 'RESET_REQUIRED';
        return {};
      case 'AdminSetUserMFAPreference':
        user().authenticator = false;
        return {};
      case 'AdminUserGlobalSignOut':
        user();
        return {};
      default:
        throw new Error(`the stub does not answer ${name}`);
    }
  };

  names(): string[] {
    return this.calls.map((call) => call.name);
  }

  private describe(username: string, user: FakeUser, attributesField: 'Attributes' | 'UserAttributes') {
    return {
      Username: username,
      [attributesField]: [
        { Name: 'sub', Value: user.sub },
        { Name: 'email', Value: user.email },
      ],
      UserStatus: user.status,
      Enabled: user.enabled,
    };
  }
}

let cognito: FakeCognito;
let pool: UserPool;

beforeAll(async () => {
  // the sample's officials carry local subjects; a deployed district starts without any.
  const config = readSampleConfig();
  await importStructure(
    { ...config, officials: config.officials.map(({ subject: _subject, ...official }) => official) },
    { id: 'test-seed' },
  );
});

beforeEach(() => {
  cognito = new FakeCognito();
  pool = { cognito: cognito as unknown as Cognito, userPoolId: 'ap-southeast-1_test' };
});

async function subjectOf(officialId: string): Promise<unknown> {
  return (await findRecord(officialSchema, keys.unit('official', officialId)))?.value.subject;
}

async function auditsOf(officialId: string): Promise<Record<string, unknown>[]> {
  return queryAll({ partition: keys.auditPartition('official', officialId) });
}

describe('users create', () => {
  it('invites the official by e-mail under the official’s id and records the sub as its subject, audited', async () => {
    const outcome = await createUser(pool, 'van-phong-1', 'van-phong-1@gia-loc.example');

    const invitation = cognito.calls.find((call) => call.name === 'AdminCreateUser');
    expect(invitation?.input).toEqual({
      UserPoolId: 'ap-southeast-1_test',
      Username: 'van-phong-1',
      UserAttributes: [
        { Name: 'email', Value: 'van-phong-1@gia-loc.example' },
        { Name: 'email_verified', Value: 'true' },
      ],
      DesiredDeliveryMediums: ['EMAIL'],
    });
    expect(outcome).toMatchObject({ created: true, link: 'linked' });
    expect(await subjectOf('van-phong-1')).toBe(cognito.users.get('van-phong-1')?.sub);
    const byTool = (await auditsOf('van-phong-1')).filter((audit) => audit.actor === USERS_TOOL.id);
    expect(byTool).toHaveLength(1);
    expect(byTool[0]).toMatchObject({ action: 'update', after: { subject: cognito.users.get('van-phong-1')?.sub } });
  });

  it('changes nothing when run again: no second invitation, no second audit record', async () => {
    await createUser(pool, 'van-phong-2', 'vp2@gia-loc.example');
    const before = { subject: await subjectOf('van-phong-2'), audits: (await auditsOf('van-phong-2')).length };

    const again = await createUser(pool, 'van-phong-2', 'VP2@gia-loc.example');

    expect(again).toMatchObject({ created: false, link: 'already-linked' });
    expect(cognito.names().filter((name) => name === 'AdminCreateUser')).toHaveLength(1);
    expect({ subject: await subjectOf('van-phong-2'), audits: (await auditsOf('van-phong-2')).length }).toEqual(before);
  });

  it('links a user created earlier whose link was never recorded (a run interrupted halfway)', async () => {
    cognito.users.set('truong-khu-2', {
      sub: 'sub-truong-khu-2',
      email: 'tk2@gia-loc.example',
      status: 'FORCE_CHANGE_PASSWORD',
      enabled: true,
      authenticator: false,
    });

    const outcome = await createUser(pool, 'truong-khu-2', 'tk2@gia-loc.example');

    expect(outcome).toMatchObject({ created: false, link: 'linked' });
    expect(await subjectOf('truong-khu-2')).toBe('sub-truong-khu-2');
    expect(cognito.names()).not.toContain('AdminCreateUser');
  });

  it('refuses an unknown official before touching Cognito', async () => {
    await expect(createUser(pool, 'khong-co-ai', 'x@gia-loc.example')).rejects.toMatchObject({
      constructor: NotFoundError,
      code: 'official_not_found',
    });
    expect(cognito.calls).toEqual([]);
  });

  it('refuses to change the e-mail of an existing user, and writes nothing', async () => {
    await createUser(pool, 'truong-khu-3', 'tk3@gia-loc.example');
    const audits = (await auditsOf('truong-khu-3')).length;

    await expect(createUser(pool, 'truong-khu-3', 'other@gia-loc.example')).rejects.toThrow(/tk3@gia-loc.example/);
    expect(cognito.users.get('truong-khu-3')?.email).toBe('tk3@gia-loc.example');
    expect((await auditsOf('truong-khu-3')).length).toBe(audits);
  });

  it('refuses an official linked to another account without creating a user', async () => {
    await linkOfficialAccount('truong-khu-4', 'sub-from-elsewhere', USERS_TOOL);

    await expect(createUser(pool, 'truong-khu-4', 'tk4@gia-loc.example')).rejects.toBeInstanceOf(ConflictError);
    expect(cognito.names()).not.toContain('AdminCreateUser');
    expect(await subjectOf('truong-khu-4')).toBe('sub-from-elsewhere');
  });
});

describe('users list', () => {
  it('lists every user across pages, sorted, with whether its official records its sub', async () => {
    await createUser(pool, 'truong-khu-5', 'tk5@gia-loc.example');
    await createUser(pool, 'truong-khu-6', 'tk6@gia-loc.example');
    cognito.users.set('pho-khu-5', {
      sub: 'never-linked',
      email: 'pk5@gia-loc.example',
      status: 'CONFIRMED',
      enabled: false,
      authenticator: true,
    });

    const users = await listUsers(pool);

    expect(
      users.map(({ officialId, email, status, enabled, linked }) => ({ officialId, email, status, enabled, linked })),
    ).toEqual([
      { officialId: 'pho-khu-5', email: 'pk5@gia-loc.example', status: 'CONFIRMED', enabled: false, linked: false },
      {
        officialId: 'truong-khu-5',
        email: 'tk5@gia-loc.example',
        status: 'FORCE_CHANGE_PASSWORD',
        enabled: true,
        linked: true,
      },
      {
        officialId: 'truong-khu-6',
        email: 'tk6@gia-loc.example',
        status: 'FORCE_CHANGE_PASSWORD',
        enabled: true,
        linked: true,
      },
    ]);
    expect(cognito.names().filter((name) => name === 'ListUsers')).toHaveLength(2);
  });
});

describe('users disable, enable and reset', () => {
  /** An official with a fresh user, and the stub's record of calls emptied. */
  async function invited(officialId: string): Promise<void> {
    await createUser(pool, officialId, `${officialId}@gia-loc.example`);
    cognito.calls.length = 0;
  }

  it('disable blocks sign-in and signs the user out everywhere; enable lets them in again', async () => {
    await invited('pho-khu-1');

    await disableUser(pool, 'pho-khu-1');
    expect(cognito.users.get('pho-khu-1')?.enabled).toBe(false);
    expect(cognito.names()).toEqual(['AdminGetUser', 'AdminDisableUser', 'AdminUserGlobalSignOut']);

    await enableUser(pool, 'pho-khu-1');
    expect(cognito.users.get('pho-khu-1')?.enabled).toBe(true);
  });

  it('refuses an official without a user', async () => {
    await expect(disableUser(pool, 'pho-khu-2')).rejects.toThrow(/no account yet/);
    expect(cognito.names()).toEqual(['AdminGetUser']);
  });

  it('reset resends the invitation before the first sign-in', async () => {
    await invited('pho-khu-3');

    expect(await resetUser(pool, 'pho-khu-3')).toBe('invitation-resent');
    expect(cognito.calls.at(-1)).toEqual({
      name: 'AdminCreateUser',
      input: {
        UserPoolId: 'ap-southeast-1_test',
        Username: 'pho-khu-3',
        MessageAction: 'RESEND',
        DesiredDeliveryMediums: ['EMAIL'],
      },
    });
  });

  it('reset after the first sign-in sends a reset code, forgets the authenticator and signs out', async () => {
    await invited('pho-khu-4');
    const user = cognito.users.get('pho-khu-4');
    if (user) Object.assign(user, { status: 'CONFIRMED', authenticator: true });

    expect(await resetUser(pool, 'pho-khu-4')).toBe('password-and-mfa-reset');

    expect(cognito.names()).toEqual([
      'AdminGetUser',
      'AdminResetUserPassword',
      'AdminSetUserMFAPreference',
      'AdminUserGlobalSignOut',
    ]);
    expect(cognito.users.get('pho-khu-4')).toMatchObject({ status: 'RESET_REQUIRED', authenticator: false });
  });
});
