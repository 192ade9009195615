/**
 * The one normalizer every scan goes through (docs/product-rules.md §4). Pure: no Node, no DOM, never throws, so the
 * renderer's wedge listener, the main process's device readers and the tests all share it.
 */
import { DEFAULT_NORMALIZER_CONFIG, type NormalizerConfig } from './config'
import { hasPlainCodeCharacters, isCardId, isEncryptCode, isPlainCode } from './codeShapes'
import { rejectScan } from './messages'
import {
  containsCjk,
  containsGarbage,
  isPrintableAscii,
  removeFramingControls,
  removeInvisibles,
  toHalfWidth,
  trimScan
} from './text'
import type { ScanResult } from './types'
import { looksLikeUrl, readUrlParams } from './url'

/** AIM symbology identifier (ISO/IEC 15424): ']', a symbology letter, one modifier character. */
const AIM_ID = /^\][A-Za-z][0-9A-Za-z]/

/** The code as WeChat shows it on the card, in groups: '1234 5678 9012'. */
const DIGIT_GROUPS = /^[0-9]+( +[0-9]+)+$/

function stripAffixes(text: string, config: NormalizerConfig): string {
  let s = text
  let prefixDone = false
  const stripPrefix = (): void => {
    if (!prefixDone && config.prefix !== '' && s.startsWith(config.prefix)) {
      s = trimScan(s.slice(config.prefix.length))
      prefixDone = true
    }
  }
  // Scanners put the AIM id before or after the configured prefix depending on model and settings.
  stripPrefix()
  if (config.stripAimId && AIM_ID.test(s)) s = trimScan(s.slice(3))
  stripPrefix()
  if (config.suffix !== '' && s.endsWith(config.suffix)) s = trimScan(s.slice(0, -config.suffix.length))
  return s
}

function fromUrl(url: string, config: NormalizerConfig): ScanResult {
  if (url.length > config.maxUrlLength) return rejectScan('TOO_LONG', { max: config.maxUrlLength })
  const params = readUrlParams(url)
  const code = params.get('code')
  const encryptCode = params.get('encrypt_code')
  const cardId = params.get('card_id')
  if (code === null || encryptCode === null || cardId === null) return rejectScan('MALFORMED_URL')
  if (cardId !== undefined && !isCardId(cardId)) return rejectScan('BAD_CARD_ID')
  const card = cardId === undefined ? {} : { cardId }
  // A plain code needs no decrypt call, so it wins when a URL carries both.
  if (code !== undefined) {
    const plain = code.trim()
    if (plain === '') return rejectScan('EMPTY')
    if (!hasPlainCodeCharacters(plain)) return rejectScan('INVALID_CHARACTERS')
    if (!isPlainCode(plain, config.maxLength)) return rejectScan('TOO_LONG', { max: config.maxLength })
    return { kind: 'code', code: plain, ...card }
  }
  if (encryptCode !== undefined) {
    // A space can only be a '+' that some tool form-decoded on the way; base64 has no spaces.
    const value = encryptCode.trim().replace(/ /g, '+')
    if (!isEncryptCode(value, config.maxEncryptCodeLength)) return rejectScan('BAD_ENCRYPT_CODE')
    return { kind: 'encrypted', encryptCode: value, ...card }
  }
  return rejectScan('URL_WITHOUT_CODE')
}

function fromBareValue(text: string, config: NormalizerConfig): ScanResult {
  const value = DIGIT_GROUPS.test(text) ? text.replace(/ /g, '') : text
  if (isPlainCode(value, config.maxLength)) return { kind: 'code', code: value }
  const encrypted = value.replace(/ /g, '+')
  if (isEncryptCode(encrypted, config.maxEncryptCodeLength))
    return { kind: 'encrypted', encryptCode: encrypted }
  if (hasPlainCodeCharacters(value)) return rejectScan('TOO_LONG', { max: config.maxLength })
  return rejectScan('INVALID_CHARACTERS')
}

export function normalizeScan(raw: string, config: NormalizerConfig = DEFAULT_NORMALIZER_CONFIG): ScanResult {
  if (typeof raw !== 'string') return rejectScan('EMPTY')
  // Bound the work before looking at the characters: a stuck scanner can deliver kilobytes.
  if (raw.length > config.maxUrlLength + 1024) return rejectScan('TOO_LONG', { max: config.maxLength })
  // Affixes come off before the garbage check, so a scanner configured with e.g. SOH as prefix still works.
  const unwrapped = stripAffixes(trimScan(toHalfWidth(removeInvisibles(raw))), config)
  if (containsGarbage(unwrapped)) return rejectScan('BINARY_GARBAGE')
  const text = trimScan(removeFramingControls(unwrapped))
  if (text === '') return rejectScan('EMPTY')
  if (!isPrintableAscii(text)) return rejectScan(containsCjk(text) ? 'IME_MANGLED' : 'NON_ASCII')
  return looksLikeUrl(text) ? fromUrl(text, config) : fromBareValue(text, config)
}
