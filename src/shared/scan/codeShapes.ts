/**
 * The shapes of the values a scan can carry. WeChat documents no character set for custom codes; digits,
 * letters, '-' and '_' cover generated codes (12 digits) and every custom code seen in the field.
 */

const PLAIN_CODE = /^[0-9A-Za-z_-]+$/

/** Standard base64 (WeChat's encrypt_code is AES output in base64, e.g. 'XXIzTtMq…VkXdE'). */
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

/** One AES block in base64 is 24 characters; nothing shorter can be an encrypt_code. */
const MIN_ENCRYPT_CODE_LENGTH = 24

const CARD_ID = /^[A-Za-z0-9_-]{1,32}$/

export const isPlainCode = (text: string, maxLength: number): boolean =>
  text.length <= maxLength && PLAIN_CODE.test(text)

export const hasPlainCodeCharacters = (text: string): boolean => PLAIN_CODE.test(text)

export function isEncryptCode(text: string, maxLength: number): boolean {
  if (text.length < MIN_ENCRYPT_CODE_LENGTH || text.length > maxLength || text.length % 4 !== 0) return false
  // A long run of digits is an overlong code, not ciphertext: base64 of random bytes is never all digits.
  return BASE64.test(text) && !/^[0-9]+$/.test(text)
}

export const isCardId = (text: string): boolean => CARD_ID.test(text)
