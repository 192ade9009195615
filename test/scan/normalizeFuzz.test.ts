import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createTranslator } from '../../src/shared/i18n'
import {
  normalizeScan,
  normalizerConfigSchema,
  scanRejectText,
  type ScanRejectReason
} from '../../src/shared/scan'

const zh = createTranslator('zh-CN')
const en = createTranslator('en')

const REASONS: readonly ScanRejectReason[] = [
  'EMPTY',
  'TOO_LONG',
  'BINARY_GARBAGE',
  'IME_MANGLED',
  'NON_ASCII',
  'INVALID_CHARACTERS',
  'MALFORMED_URL',
  'URL_WITHOUT_CODE',
  'BAD_ENCRYPT_CODE',
  'BAD_CARD_ID',
  'FRAME_OVERFLOW'
]

/** Anything a scanner, an IME or a paste can produce, weighted towards the pieces that steer the normalizer. */
const scanUnit = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp)) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 0x9f }).map((u) => String.fromCharCode(u)) },
  { weight: 4, arbitrary: fc.constantFrom(...'0123456789') },
  { weight: 1, arbitrary: fc.integer({ min: 0xff01, max: 0xff5e }).map((u) => String.fromCharCode(u)) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      ']Q1',
      '%2B',
      '%',
      '+',
      '/',
      '=',
      ' ',
      '\u3000',
      '六',
      'https://x.cn/?',
      '&code=',
      '?encrypt_code=',
      '#card_id=',
      'WX',
      '#'
    )
  }
)

const scanInput = fc.string({ unit: scanUnit, maxLength: 48 })

const scanConfig = fc
  .record({
    maxLength: fc.integer({ min: 1, max: 64 }),
    prefix: fc.constantFrom('', 'WX', '\x02'),
    suffix: fc.constantFrom('', '#', '\r'),
    stripAimId: fc.boolean()
  })
  .map((input) => normalizerConfigSchema.parse(input))

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/

describe('normalizeScan under random input', () => {
  it('never throws, never yields a control character or an overlong code (100 000 runs)', () => {
    const seen = new Map<string, number>()
    fc.assert(
      fc.property(scanInput, scanConfig, (raw, config) => {
        const result = normalizeScan(raw, config)
        const outcome = 'rejected' in result ? result.reason : result.kind
        seen.set(outcome, (seen.get(outcome) ?? 0) + 1)
        if ('rejected' in result) {
          expect(REASONS).toContain(result.reason)
          expect(scanRejectText(zh, result)).toMatch(/\p{Script=Han}/u)
          expect(scanRejectText(en, result)).not.toMatch(/\{|scanReject\./)
          return
        }
        if (result.kind === 'code') {
          expect(result.code).not.toMatch(CONTROL)
          expect(result.code.length).toBeGreaterThan(0)
          expect(result.code.length).toBeLessThanOrEqual(config.maxLength)
        } else {
          expect(result.encryptCode).not.toMatch(CONTROL)
          expect(result.encryptCode.length).toBeLessThanOrEqual(config.maxEncryptCodeLength)
        }
      }),
      { numRuns: 100_000 }
    )
    // The generator must reach the interesting branches, or the property above proves little.
    expect(seen.get('code') ?? 0).toBeGreaterThan(1_000)
    for (const reason of [
      'EMPTY',
      'TOO_LONG',
      'BINARY_GARBAGE',
      'IME_MANGLED',
      'NON_ASCII',
      'INVALID_CHARACTERS'
    ])
      expect(seen.get(reason) ?? 0, reason).toBeGreaterThan(100)
    expect(seen.get('URL_WITHOUT_CODE') ?? 0).toBeGreaterThan(0)
  }, 120_000)

  it('keeps every digit string up to the maximum exactly, leading zeros included', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 20 })
    fc.assert(
      fc.property(fc.nat({ max: 5 }), digits, (zeros, rest) => {
        const raw = ('0'.repeat(zeros) + rest).slice(0, 20)
        expect(normalizeScan(raw)).toEqual({ kind: 'code', code: raw })
      }),
      { numRuns: 20_000 }
    )
  })

  it('recovers the same digits from any framing noise around them', () => {
    const noise = fc.string({
      unit: fc.constantFrom('\r', '\n', '\t', '\x1D', '\x02', '\x03', ' ', '\u3000')
    })
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 20 })
    fc.assert(
      fc.property(noise, digits, noise, (before, code, after) => {
        expect(normalizeScan(before + code + after)).toEqual({ kind: 'code', code })
      }),
      { numRuns: 20_000 }
    )
  })

  it('rejects every digit string longer than the maximum', () => {
    const long = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 21, maxLength: 200 })
    fc.assert(
      fc.property(long, (raw) => {
        expect(normalizeScan(raw)).toMatchObject({ rejected: true, reason: 'TOO_LONG' })
      }),
      { numRuns: 5_000 }
    )
  })
})
