/**
 * PINs are hashed with scrypt (memory-hard, in node:crypto — no native add-on needed) and
 * a random salt; the clear PIN is never stored or logged. The parameters are kept in the
 * hash string so they can be raised later without invalidating existing PINs.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const scrypt = (pin: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(pin, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key)))
  )

const PARAMS = { N: 1 << 14, r: 8, p: 1 }
const KEY_LENGTH = 32

export const PIN_PATTERN = /^\d{4,8}$/

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(pin, salt, KEY_LENGTH, PARAMS)
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64')
  const actual = await scrypt(pin, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p)
  })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
