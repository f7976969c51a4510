/**
 * Local tokens: RS256 JWTs shaped like Cognito access tokens, signed with a local key and
 * checked the way API Gateway's JWT authorizer checks them (signature, issuer, audience or
 * client_id, expiry).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';

/** The port `npm start` serves on unless told otherwise. */
export const DEFAULT_LOCAL_PORT = 3000;
export const LOCAL_CLIENT_ID = 'giao-ban-local-client';

/** The `iss` of local tokens: the gateway's own address, as a Cognito issuer is the pool's. */
export function localIssuerUrl(port: number = DEFAULT_LOCAL_PORT): string {
  return `http://127.0.0.1:${port}/local-issuer`;
}
const KEY_ID = 'giao-ban-local-1';

export interface LocalIssuer {
  sign(
    subject: string,
    options?: { expiresIn?: string; issuer?: string; clientId?: string; claims?: JWTPayload },
  ): Promise<string>;
  /** Verified claims, or undefined when the token would be refused by the gateway. */
  verify(token: string): Promise<JWTPayload | undefined>;
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
    sign: (subject, options = {}) =>
      new SignJWT({
        token_use: 'access',
        client_id: options.clientId ?? LOCAL_CLIENT_ID,
        scope: 'giao-ban/api',
        username: subject,
        ...options.claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid: KEY_ID })
        .setSubject(subject)
        .setIssuer(options.issuer ?? issuerUrl)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '12h')
        .sign(privateKey),
    verify: async (token) => {
      try {
        const { payload } = await jwtVerify(token, publicKey, { issuer: issuerUrl, algorithms: ['RS256'] });
        // API Gateway accepts the audience from `aud`, or from `client_id` when `aud` is absent.
        const audience = payload.aud ?? payload.client_id;
        const audiences = Array.isArray(audience) ? audience : [audience];
        return audiences.includes(LOCAL_CLIENT_ID) ? payload : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
