import crypto from "node:crypto";
import { promisify } from "node:util";

const scryptAsync = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

/**
 * At most two hashes at a time, the rest wait their turn. Each takes ~0.5 s of CPU and 128 MiB,
 * and runs on libuv's pool of four threads, which sqlite3 shares: a burst of sign-ins must not
 * take every thread and stall every page's queries behind it.
 */
const MAX_HASHING = 2;
let hashing = 0;
const waiting: (() => void)[] = [];

/** How many hashes run and wait now (tests). */
export function hashingNow(): { running: number; waiting: number } {
  return { running: hashing, waiting: waiting.length };
}

async function scrypt(...args: Parameters<typeof scryptAsync>): Promise<Buffer> {
  // A finishing hash hands its place straight to the next in line, so none can jump the queue.
  if (hashing < MAX_HASHING) hashing++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await scryptAsync(...args);
  } finally {
    const next = waiting.shift();
    if (next) next();
    else hashing--;
  }
}

/**
 * OWASP's Password Storage Cheat Sheet: scrypt with N = 2^17, r = 8, p = 1. That needs
 * 128 · N · r = 128 MiB, above Node's default limit of 32 MiB, hence `maxmem`.
 */
const PARAMS = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
const MAX_MEM = 256 * 1024 * 1024;

/** The shortest password we accept (issue 4). */
export const MIN_PASSWORD_LENGTH = 12;

/** `scrypt$N$r$p$salt$hash` (salt and hash in base64), so the parameters can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(password.normalize("NFC"), salt, KEY_LENGTH, { ...PARAMS, maxmem: MAX_MEM });
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64"), hash.toString("base64")].join("$");
}

/** Compares in constant time; any malformed stored hash simply does not match. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await scrypt(password.normalize("NFC"), Buffer.from(salt, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEM,
  });
  return crypto.timingSafeEqual(actual, expected);
}

/** A hash of nothing anyone knows: checked against when the e-mail is unknown, so timing tells nothing. */
let dummyHash: Promise<string> | undefined;
export function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString("hex"));
  return dummyHash;
}

/** A random password for demo accounts: 18 characters from base64url. */
export function randomPassword(): string {
  return crypto.randomBytes(14).toString("base64url").slice(0, 18);
}
