/**
 * errcode → errmsg as the real API words them (docs/wechat-api.md §1.3 and §4, global return codes).
 * The real errmsg often carries a variable ` hint: [...]` / ` rid: ...` suffix; the sandbox adds one on some
 * replies on purpose, so a client that matches whole errmsg strings instead of errcode fails in tests.
 */
export const WX_ERRMSG: Readonly<Record<number, string>> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40013: 'invalid appid',
  40014: 'invalid access_token',
  40056: 'invalid serial code',
  40066: 'invalid url',
  40071: 'invalid card type',
  40073: 'invalid card id',
  40075: 'invalid encrypt code',
  40079: 'invalid time',
  40097: 'invalid args',
  40099: 'invalid code, this code has consumed.',
  40125: 'invalid appsecret',
  40127:
    'invalid user-card status! Hint: the card was given to user, but may be deleted or expired or set unavailable !',
  40164: 'invalid ip, not in whitelist',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41011: 'missing required fields!',
  41012: 'missing card id',
  42001: 'access_token expired',
  43001: 'require GET method',
  43002: 'require POST method',
  44002: 'empty post data',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit, must slower, retry next minute',
  47001: 'data format error',
  61500: 'date format error',
  61501: 'date range error'
}

export const errmsgOf = (errcode: number): string => WX_ERRMSG[errcode] ?? 'unknown error'

/** Error codes that mean "the access token is no good; get another one and retry once" (§10.1). */
export const TOKEN_ERRCODES: readonly number[] = [40001, 40014, 42001]
