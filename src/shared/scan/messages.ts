import type { LocalizedText, RejectedScan, ScanRejectReason } from './types'

export interface RejectDetail {
  /** The limit that was exceeded (characters or bytes), for TOO_LONG and FRAME_OVERFLOW. */
  max?: number
}

type MessageBuilder = (detail: RejectDetail) => LocalizedText

// Cashier-facing wording: say what happened and what to do next, never a stack trace.
const MESSAGES: Record<ScanRejectReason, MessageBuilder> = {
  EMPTY: () => ({ 'zh-CN': '未读到任何内容，请重新扫码。', en: 'Nothing was read. Please scan again.' }),
  TOO_LONG: ({ max }) => ({
    'zh-CN': `内容过长（卡券码最多 ${max ?? 20} 位），请核对后重新扫码。`,
    en: `Too long: a coupon code has at most ${max ?? 20} characters. Check it and scan again.`
  }),
  BINARY_GARBAGE: () => ({
    'zh-CN': '收到无法识别的乱码，请检查扫码枪的接口设置（模式、波特率）后重新扫码。',
    en: "Unreadable data received. Check the scanner's interface settings (mode, baud rate) and scan again."
  }),
  IME_MANGLED: () => ({
    'zh-CN': '扫码结果含有中文，可能是中文输入法拦截了扫码。请切换到英文输入法后重新扫码。',
    en: 'The scan contains Chinese characters; a Chinese input method probably intercepted it. Switch to English input and scan again.'
  }),
  NON_ASCII: () => ({
    'zh-CN': '含有卡券码中不会出现的字符，请核对后重新扫码或手动输入。',
    en: 'It contains characters a coupon code cannot have. Check it, then scan again or type the code.'
  }),
  INVALID_CHARACTERS: () => ({
    'zh-CN': '卡券码只能包含数字、字母、“-”和“_”，请核对后重新扫码。',
    en: 'A coupon code may only contain digits, letters, "-" and "_". Check it and scan again.'
  }),
  MALFORMED_URL: () => ({
    'zh-CN': '链接格式有误，无法读取卡券码。',
    en: 'The link is malformed, so no coupon code could be read from it.'
  }),
  URL_WITHOUT_CODE: () => ({
    'zh-CN': '该链接中没有卡券码（code 或 encrypt_code）。',
    en: 'This link carries no coupon code (code or encrypt_code).'
  }),
  BAD_ENCRYPT_CODE: () => ({
    'zh-CN': '加密卡券码（encrypt_code）格式有误。',
    en: 'The encrypted code (encrypt_code) is malformed.'
  }),
  BAD_CARD_ID: () => ({
    'zh-CN': '链接中的卡券 ID（card_id）格式有误。',
    en: 'The card_id in the link is malformed.'
  }),
  FRAME_OVERFLOW: ({ max }) => ({
    'zh-CN': `扫码数据超过 ${max ?? 0} 字节仍未结束，请检查扫码枪的结束符（后缀）设置。`,
    en: `Scanner data ran past ${max ?? 0} bytes without an end marker; check the scanner's suffix setting.`
  })
}

export function rejectScan(reason: ScanRejectReason, detail: RejectDetail = {}): RejectedScan {
  return { rejected: true, reason, message: MESSAGES[reason](detail) }
}
