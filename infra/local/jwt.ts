/**
 * Local tokens: RS256 JWTs shaped like Cognito access tokens, signed with a local key and
 * checked at least as strictly as API Gateway's JWT authorizer with a required scope checks them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { API_SCOPE } from '../api-scope';

/** The port `npm start` serves on unless told otherwise. */
export const DEFAULT_LOCAL_PORT = 3000;
export const LOCAL_CLIENT_ID = 'giao-ban-local-client';
const KEY_ID = 'giao-ban-local-1';

/** The `iss` of local tokens: the gateway's own address, as a Cognito issuer is the pool's. */
export function localIssuerUrl(port: number = DEFAULT_LOCAL_PORT): string {
  return `http://127.0.0.1:${port}/local-issuer`;
}

/** How far apart the signer's and the gateway's clocks may be, for `exp`, `nbf` and `iat`. */
export const CLOCK_SKEW_SECONDS = 60;
/** Cognito's longest access-token validity: a token issued earlier was never a valid one. */
const MAX_TOKEN_AGE = '1d';

export interface SignOptions {
  /** `null` leaves `exp` out (a token the gateway must refuse). */
  readonly expiresIn?: string | null;
  /** `null` leaves `iat` out (a token the gateway must refuse). */
  readonly issuedAt?: Date | null;
  readonly issuer?: string;
  readonly clientId?: string;
  /** Claims that replace the access-token defaults; `undefined` removes one. */
  readonly claims?: JWTPayload;
}

export interface LocalIssuer {
  sign(subject: string, options?: SignOptions): Promise<string>;
  /** Verified claims, or undefined when the token is not a valid access token of the local client. */
  verify(token: string): Promise<JWTPayload | undefined>;
}

/** True when the token's space-separated `scope` claim names `scope`. */
export function grantsScope(claims: JWTPayload, scope: string): boolean {
  return typeof claims.scope === 'string' && claims.scope.split(' ').includes(scope);
}

/**
 * A Cognito access token for our app client: `token_use` and `client_id` say so; an `aud`, which
 * Cognito access tokens lack and API Gateway would check instead of `client_id`, must name it too.
 */
function isAccessTokenOfClient(claims: JWTPayload): boolean {
  const audiences = claims.aud === undefined ? [LOCAL_CLIENT_ID] : [claims.aud].flat();
  return claims.token_use === 'access' && claims.client_id === LOCAL_CLIENT_ID && audiences.includes(LOCAL_CLIENT_ID);
}

type KeyPair = { privateJwk: JWK; publicJwk: JWK };

async function newKeyPair(): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
}

/**
 * @param keyFile where to keep the key so tokens survive restarts; omitted: a fresh key in memory.
 * @param issuerUrl the `iss` it signs and accepts; a gateway on another port has its own.
 */
export async function createLocalIssuer(keyFile?: string, issuerUrl = localIssuerUrl()): Promise<LocalIssuer> {
  let pair: KeyPair;
  if (keyFile && existsSync(keyFile)) {
    pair = JSON.parse(readFileSync(keyFile, 'utf8')) as KeyPair;
  } else {
    pair = await newKeyPair();
    if (keyFile) {
      mkdirSync(dirname(keyFile), { recursive: true });
      writeFileSync(keyFile, JSON.stringify(pair), { mode: 0o600 });
    }
  }
  const privateKey = await importJWK(pair.privateJwk, 'RS256');
  const publicKey = await importJWK(pair.publicJwk, 'RS256');
  return {
    sign: (subject, options = {}) => {
      const token = new SignJWT({
        token_use: 'access',
        client_id: options.clientId ?? LOCAL_CLIENT_ID,
        scope: API_SCOPE,
        username: subject,
        ...options.claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid: KEY_ID })
        .setSubject(subject)
        .setIssuer(options.issuer ?? issuerUrl);
      if (options.issuedAt !== null) token.setIssuedAt(options.issuedAt);
      if (options.expiresIn !== null) token.setExpirationTime(options.expiresIn ?? '12h');
      return token.sign(privateKey);
    },
    verify: async (token) => {
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          issuer: issuerUrl,
          algorithms: ['RS256'],
          requiredClaims: ['exp', 'sub'],
          // also requires `iat`, and refuses one further ahead than the skew
          maxTokenAge: MAX_TOKEN_AGE,
          clockTolerance: CLOCK_SKEW_SECONDS,
        });
        return isAccessTokenOfClient(payload) ? payload : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
