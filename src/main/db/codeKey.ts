/**
 * Which coupon a code string names. A plain WeChat code is unique in the whole account, so the code alone is
 * its key; a custom code (use_custom_code) is the merchant's own string and is unique only within its card —
 * WeChat finds it only together with its card_id (docs/reliability.md § Custom codes). The same string under
 * two custom-code cards is two coupons.
 *
 * The database derives `code_key` itself from (custom_code, card_id, code) (migration 007, a generated column),
 * so a row's key can never disagree with its columns; the app builds the same string only to look keys up.
 * The format is stored in every ledger file: never change it.
 */

/** Unit separator: neither card ids nor codes ([0-9A-Za-z_-]) can contain it, so no key can be mistaken. */
export const CODE_KEY_SEPARATOR = '\u001f'

/** The key of a code: the code alone, or card_id + U+001F + code when the card uses custom codes. */
export const codeKeyOf = (code: string, customCardId: string | null): string =>
  customCardId === null ? code : `${customCardId}${CODE_KEY_SEPARATOR}${code}`
