import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (19 MiB, 2 passes). */
export const hashPassword = (plain: string) => hash(plain);

/** Constant-time check; a malformed hash is a failed check, never a crash. */
export async function checkPassword(hashed: string, plain: string): Promise<boolean> {
  try { return await verify(hashed, plain); } catch { return false; }
}

/** A hash to verify against when the e-mail is unknown, so timing does not tell which accounts exist. */
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hash('decoy-password-never-used'));
