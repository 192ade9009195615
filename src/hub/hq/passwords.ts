/**
 * HQ passwords (docs/hq.md § Sign-in): Node's scrypt, a random 16-byte salt per user, N = 2^15, r = 8, p = 1,
 * 32-byte key (about 32 MiB and tens of milliseconds per try: slow for a guesser with a stolen table, fine for a
 * person signing in). The parameters are stored in each hash, so raising them later leaves old hashes readable.
 * Format: scrypt$<N>$<r>$<p>$<salt base64url>$<key base64url>.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

export const SCRYPT = { N: 1 << 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const

function derive(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, options, (err, key) =>
      err ? reject(err) : resolve(key)
    )
  )
}

const memoryFor = (N: number, r: number): number => 128 * N * r * 2

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltLength)
  const { N, r, p } = SCRYPT
  const key = await derive(password, salt, SCRYPT.keyLength, { N, r, p, maxmem: memoryFor(N, r) })
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number]
  const salt = Buffer.from(parts[4] ?? '', 'base64url')
  const expected = Buffer.from(parts[5] ?? '', 'base64url')
  if (!N || !r || !p || expected.length === 0) return false
  const key = await derive(password, salt, expected.length, { N, r, p, maxmem: memoryFor(N, r) })
  return timingSafeEqual(key, expected)
}

/** A password for a new user, printed once: 16 characters without look-alikes (about 90 bits). */
export function newPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789'
  return Array.from(randomBytes(16), (b) => alphabet[b % alphabet.length]).join('')
}
