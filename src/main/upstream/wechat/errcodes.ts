/**
 * How the client treats each WeChat errcode (docs/wechat-api.md §1.3, §4, §10). Always the number, never
 * errmsg: errmsg carries a variable ` hint:` / ` rid:` suffix. The words for each code live in the catalogue
 * (src/shared/i18n, `wechat.errcode.<n>`; docs/i18n.md) so the renderer can show them.
 */

/** The access token is no good: refresh once and retry once (as wechatpy and chanxuehong do). */
export const TOKEN_ERRCODES: ReadonlySet<number> = new Set([40001, 40014, 42001])

/**
 * The account or the station's set-up is wrong (AppID, secret, IP whitelist, permission, frozen account,
 * admin confirmation of a new IP). Nothing will work until someone changes something: 'auth'.
 */
export const ACCOUNT_ERRCODES: ReadonlySet<number> = new Set([
  40002, 40013, 40125, 40164, 40243, 41001, 41002, 41004, 48001, 50002, 89501, 89503, 89506, 89507
])

/**
 * A clear, final answer about this code or card. code/get and consume return these as values (they are
 * the platform's verdict on the coupon); every other errcode is thrown as an UpstreamError.
 */
export const CODE_ERRCODES: ReadonlySet<number> = new Set([
  40056, 40071, 40073, 40078, 40079, 40099, 40116, 40127, 41012, 45030
])

export type ErrcodeClass = 'ok' | 'token' | 'busy' | 'rate_limited' | 'quota' | 'account' | 'code' | 'other'

export function classifyErrcode(errcode: number | undefined): ErrcodeClass {
  if (errcode === undefined || errcode === 0) return 'ok'
  if (TOKEN_ERRCODES.has(errcode)) return 'token'
  if (errcode === -1) return 'busy'
  if (errcode === 45011) return 'rate_limited'
  if (errcode === 45009) return 'quota'
  if (ACCOUNT_ERRCODES.has(errcode)) return 'account'
  if (CODE_ERRCODES.has(errcode)) return 'code'
  return 'other'
}
