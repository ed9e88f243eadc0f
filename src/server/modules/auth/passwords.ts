import { hash, verify } from '@node-rs/argon2';
import { commonPasswordList } from './common-passwords.js';

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes); ~16 ms per hash on the target machines.
const options = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, options);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the account does not exist, so timing reveals nothing. */
export const dummyHash = hash('groeipad-timing-equaliser-not-a-password', options);

const localFavourites = [
  'wachtwoord',
  'wachtwoord1',
  'wachtwoord123',
  'welkom123',
  'welkom01',
  'groeipad',
  'groeipad1',
  'azerty123',
  'azertyuiop',
  'paswoord123',
];

/**
 * The 1,000 most common passwords that the length rule (8..128) would otherwise accept, from the zxcvbn-ts common
 * list (ranked by frequency in leaked password sets), plus a few Dutch favourites. Compared case-insensitively.
 */
const commonPasswords: ReadonlySet<string> = new Set([...commonPasswordList, ...localFavourites]);

export const isCommonPassword = (password: string): boolean => commonPasswords.has(password.toLowerCase());
