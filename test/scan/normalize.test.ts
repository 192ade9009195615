import { describe, expect, it } from 'vitest'
import { createTranslator } from '../../src/shared/i18n'
import {
  DEFAULT_NORMALIZER_CONFIG,
  normalizeScan,
  scanRejectText,
  normalizerConfigSchema,
  type NormalizerConfig,
  type ScanResult
} from '../../src/shared/scan'

const CARD_ID = 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc'
const ENCRYPT_CODE = 'XXIzTtMqCxwOaawoE91+VJdsFmv7b8g0VZIZkqf4GWA60Fzpc8ksZ/5ZZ0DVkXdE'
const config = (input: Partial<NormalizerConfig>): NormalizerConfig => normalizerConfigSchema.parse(input)

const code = (value: string, cardId?: string): ScanResult =>
  cardId === undefined ? { kind: 'code', code: value } : { kind: 'code', code: value, cardId }
const encrypted = (value: string, cardId?: string): ScanResult =>
  cardId === undefined
    ? { kind: 'encrypted', encryptCode: value }
    : { kind: 'encrypted', encryptCode: value, cardId }

describe('normalizeScan: accepted scans', () => {
  const cases: Array<[string, string, ScanResult, NormalizerConfig?]> = [
    ['keeps leading zeros', '000123456789', code('000123456789')],
    ['maps full-width digits', '１２３４５６７８９０１２', code('123456789012')],
    ['maps full-width digits from an IME', '６９５７８４２２０８８５６', code('6957842208856')],
    ['maps full-width letters', 'ＡＢｃ１２３', code('ABc123')],
    ['strips a CR LF suffix', '123456789012\r\n', code('123456789012')],
    ['strips Tab and surrounding spaces', ' \t123456789012\t ', code('123456789012')],
    ['strips a GS inside the data', '0123\x1D456789', code('0123456789')],
    ['strips zero-width characters from a paste', '\uFEFF\u200B110201201245', code('110201201245')],
    ['strips the AIM id of a QR code', ']Q1110201201245', code('110201201245')],
    ['strips the AIM id of a Code 128', ']C0000123456789\r', code('000123456789')],
    ['strips the AIM id of an EAN-13', ']E06957842208856', code('6957842208856')],
    ['joins the digit groups WeChat displays', '1102 0120 1245', code('110201201245')],
    ['joins groups typed with a full-width space', '1102\u30000120\u30001245', code('110201201245')],
    ['keeps letter case of a custom code', 'abcDEF-12_3', code('abcDEF-12_3')],
    ['accepts exactly maxLength characters', '12345678901234567890', code('12345678901234567890')],
    [
      'strips a configured prefix and suffix',
      'WX123456789012#\r',
      code('123456789012'),
      config({ prefix: 'WX', suffix: '#' })
    ],
    ['tolerates a missing configured prefix', '123456789012', code('123456789012'), config({ prefix: 'WX' })],
    [
      'strips a prefix placed before the AIM id',
      'WX]Q1123456789012',
      code('123456789012'),
      config({ prefix: 'WX' })
    ],
    [
      'strips a control-character prefix',
      '\x01123456789012',
      code('123456789012'),
      config({ prefix: '\x01' })
    ],
    ['honours a longer configured maximum', '1'.repeat(30), code('1'.repeat(30)), config({ maxLength: 32 })],
    ['recognises a pasted encrypt_code', ENCRYPT_CODE, encrypted(ENCRYPT_CODE)],
    ['repairs a form-decoded encrypt_code', ENCRYPT_CODE.replace('+', ' '), encrypted(ENCRYPT_CODE)],
    [
      'reads encrypt_code with %2B and %2F from a URL',
      `https://mp.weixin.qq.com/bizmall/card?encrypt_code=${encodeURIComponent(ENCRYPT_CODE)}&card_id=${CARD_ID}`,
      encrypted(ENCRYPT_CODE, CARD_ID)
    ],
    [
      'reads a literal + in an unencoded encrypt_code',
      `https://shop.example.com/coupon?card_id=${CARD_ID}&encrypt_code=${ENCRYPT_CODE}&openid=oABC`,
      encrypted(ENCRYPT_CODE, CARD_ID)
    ],
    [
      'reads a twice-encoded encrypt_code',
      `https://shop.example.com/cb?encrypt_code=${encodeURIComponent(encodeURIComponent(ENCRYPT_CODE))}`,
      encrypted(ENCRYPT_CODE)
    ],
    [
      'reads code and card_id from a URL',
      `https://shop.example.com/redeem?card_id=${CARD_ID}&code=012345678901`,
      code('012345678901', CARD_ID)
    ],
    [
      'reads a code from a hash route',
      'https://h5.example.com/#/coupon?code=000000000012',
      code('000000000012')
    ],
    [
      'prefers the plain code when a URL has both',
      `https://x.example.com/?encrypt_code=${encodeURIComponent(ENCRYPT_CODE)}&code=110201201245`,
      code('110201201245')
    ],
    [
      'ignores a broken parameter it does not need',
      'https://x.example.com/?state=%E0%A4%A&code=1234',
      code('1234')
    ]
  ]
  it.each(cases)('%s', (_name, raw, expected, cfg) => {
    expect(normalizeScan(raw, cfg ?? DEFAULT_NORMALIZER_CONFIG)).toEqual(expected)
  })

  it('never turns a code into a number', () => {
    const result = normalizeScan('000000000001')
    expect(result).toEqual(code('000000000001'))
    expect(typeof (result as { code: unknown }).code).toBe('string')
  })
})

describe('normalizeScan: rejected scans', () => {
  const cases: Array<[string, string, string, NormalizerConfig?]> = [
    ['empty', '', 'EMPTY'],
    ['only a terminator', '\r\n', 'EMPTY'],
    ['only the AIM id', ']Q1', 'EMPTY'],
    ['21 digits', '123456789012345678901', 'TOO_LONG'],
    ['32 digits (not an encrypt_code)', '1'.repeat(32), 'TOO_LONG'],
    ['a long alphanumeric code', 'ABC'.repeat(8) + 'X', 'TOO_LONG'],
    ['far too much input', '1'.repeat(10_000), 'TOO_LONG'],
    ['binary garbage', '\u0000\u0001\u0005\u0007\u007F', 'BINARY_GARBAGE'],
    ['a NUL inside a code', '123456\u0000789012', 'BINARY_GARBAGE'],
    ['replacement characters from a bad byte decode', '12\uFFFD\uFFFD34', 'BINARY_GARBAGE'],
    ['a C1 control from a wrong baud rate', '\u0080\u009F12', 'BINARY_GARBAGE'],
    ['a lone surrogate', '1234\uD800', 'BINARY_GARBAGE'],
    ['Chinese IME junk', '六九五', 'IME_MANGLED'],
    ['digits mixed with Chinese', '6957八42208856', 'IME_MANGLED'],
    ['Japanese kana', 'コード123', 'IME_MANGLED'],
    ['other non-ASCII (AZERTY host)', 'HA&&é', 'NON_ASCII'],
    ['an emoji', '1234😀', 'NON_ASCII'],
    ['punctuation inside a code', '123.456', 'INVALID_CHARACTERS'],
    ['inner spaces between letters', 'ABC DEF', 'INVALID_CHARACTERS'],
    [
      'AIM id kept when stripping is off',
      ']Q1123456789012',
      'INVALID_CHARACTERS',
      config({ stripAimId: false })
    ],
    ['a URL without a code', 'https://mp.weixin.qq.com/s/abc?from=timeline', 'URL_WITHOUT_CODE'],
    ['a URL with a broken escape in code', 'https://x.example.com/?code=%E0%A4%A', 'MALFORMED_URL'],
    ['a URL with a too-long code', 'https://x.example.com/?code=1234567890123456789012', 'TOO_LONG'],
    ['a URL with an empty code', 'https://x.example.com/?code=', 'EMPTY'],
    ['a URL with a short encrypt_code', 'https://x.example.com/?encrypt_code=abc%2B', 'BAD_ENCRYPT_CODE'],
    [
      'a URL with a bad card_id',
      `https://x.example.com/?code=123456789012&card_id=${'p'.repeat(33)}`,
      'BAD_CARD_ID'
    ],
    ['a URL over maxUrlLength', `https://x.example.com/?code=1&pad=${'a'.repeat(3000)}`, 'TOO_LONG']
  ]
  it.each(cases)('%s', (_name, raw, reason, cfg) => {
    const result = normalizeScan(raw, cfg ?? DEFAULT_NORMALIZER_CONFIG)
    expect(result).toMatchObject({ rejected: true, reason })
  })

  it('explains a rejection in Chinese and English, with the limit', () => {
    const result = normalizeScan('123456789012345678901')
    expect(result).toEqual({
      rejected: true,
      reason: 'TOO_LONG',
      params: { max: 20 }
    })
    if (!('rejected' in result)) throw new Error('not rejected')
    expect(scanRejectText(createTranslator('zh-CN'), result)).toContain('最多 20 位')
    expect(scanRejectText(createTranslator('en'), result)).toContain('at most 20 characters')
  })

  it('tells the cashier to switch the input method for IME junk', () => {
    const result = normalizeScan('六九五')
    expect(result).toMatchObject({ reason: 'IME_MANGLED' })
    if (!('rejected' in result)) throw new Error('not rejected')
    expect(scanRejectText(createTranslator('zh-CN'), result)).toContain('英文输入法')
  })
})

describe('normalizerConfigSchema', () => {
  it('fills safe defaults for WeChat codes', () => {
    expect(normalizerConfigSchema.parse({})).toEqual({
      prefix: '',
      suffix: '',
      stripAimId: true,
      maxLength: 20,
      maxEncryptCodeLength: 512,
      maxUrlLength: 2048
    })
    expect(DEFAULT_NORMALIZER_CONFIG.maxLength).toBe(20)
  })

  it('rejects a nonsensical maximum with a clear message', () => {
    const parsed = normalizerConfigSchema.safeParse({ maxLength: 0 })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toContain('Max code length')
  })
})
