/**
 * What the renderer learns about syncing: the `sync.state` event payload, the reasons a redemption ends
 * 'conflict' or 'rejected' (stored in redemptions.status_reason), and words for WeChat errcodes.
 * Main writes reasons as short stable strings; the UI turns them into zh-CN/en text with describeSyncReason.
 */
import type { EpochMs } from './time'

/**
 * online: the last upstream calls worked. degraded: some fail (busy, rate-limited, slow) but some get through.
 * offline: the upstream cannot be reached or used (network, repeated failures, credentials) — decide offline.
 */
export type Connectivity = 'online' | 'degraded' | 'offline'

/** Why sending is on hold, if it is. */
export interface SyncPause {
  /** quota: 45009 daily quota used up. auth: credentials, IP whitelist or permission (40013/40125/40164/48001…). */
  reason: 'quota' | 'auth'
  since: EpochMs
  /** When the worker tries again by itself; null = only when told to (resume / new settings). */
  until: EpochMs | null
  errcode: number | null
}

export interface SyncProblem {
  /** UpstreamError kind: transient, rate_limited, quota_exhausted, timeout, network, malformed, auth, rejected. */
  kind: string
  errcode: number | null
  message: string
  at: EpochMs
}

/** Payload of the 'sync.state' event. */
export interface SyncState {
  connectivity: Connectivity
  /** Outbox items still to send (state 'queued'). */
  queueDepth: number
  /** created_at of the oldest queued item, null when the queue is empty. */
  oldestPendingAt: EpochMs | null
  /** now − oldestPendingAt, for a "waiting for 12 min" label without another clock read. */
  oldestPendingAgeMs: number | null
  /** Queued items past their fast retry schedule (or older than the stale age): the manager should look. */
  staleCount: number
  /**
   * Conflicts and rejections no manager has resolved yet (the conflicts queue): shown to everyone in the header
   * and on the sign-in screen until a manager resolves them.
   */
  needsManager: number
  /** Requests on the wire right now. */
  inFlight: number
  lastSuccessAt: EpochMs | null
  lastProblem: SyncProblem | null
  /** 45009 / credentials: nothing is sent until `until` (or a resume). */
  paused: SyncPause | null
  /** 45011: sending waits until this instant (the next minute). */
  slowedUntil: EpochMs | null
  at: EpochMs
}

/** Payload of the 'redemption.updated' event, after the new status is committed. */
export interface RedemptionUpdated {
  redemptionId: string
  status: 'pending' | 'synced' | 'conflict' | 'rejected' | 'voided'
}

/**
 * redemptions.status_reason written by the sync worker:
 * - 'used_elsewhere': WeChat says the code was consumed, and no consume of ours can have done it (conflict)
 * - 'card_mismatch' / 'card_mismatch_consumed': WeChat's card differs from the one the station recorded or the
 *   cashier picked offline; the second form means our consume went through anyway (conflict)
 * - 'consumed_unverified': WeChat says the code was consumed after a consume of ours whose answer was lost, and
 *   nothing shows whether ours or someone else's did it (conflict: a manager decides)
 * - 'not_yet_valid' / 'expired_when_redeemed': the redemption was made outside the code's own validity window
 *   (begin_time / end_time); nothing was consumed (rejected)
 * - 'cannot_consume': code/get said NORMAL but can_consume false; nothing was consumed (rejected)
 * - 'wechat:<errcode>': WeChat refused the code for good (rejected)
 * - 'status:<user_card_status>': code/get says EXPIRE, GIFTING, DELETE, UNAVAILABLE … (rejected)
 */
export type SyncReason =
  | 'used_elsewhere'
  | 'card_mismatch'
  | 'card_mismatch_consumed'
  | 'consumed_unverified'
  | 'not_yet_valid'
  | 'expired_when_redeemed'
  | 'cannot_consume'
  | `wechat:${number}`
  | `status:${string}`

type Lang = 'zh-CN' | 'en'
type Text = Readonly<Record<Lang, string>>

/**
 * WeChat errcodes the station can meet (docs/wechat-api.md §1.3, §4), in words a cashier or manager can act on.
 * Always matched on errcode, never on errmsg (whose suffix varies).
 */
export const WECHAT_ERRCODE_TEXT: Readonly<Record<number, Text>> = {
  [-1]: { 'zh-CN': '微信系统繁忙，请稍后再试', en: 'WeChat is busy; try again shortly' },
  40001: { 'zh-CN': '访问令牌无效或已被替换', en: 'Access token invalid or replaced' },
  40002: { 'zh-CN': '令牌请求参数错误', en: 'Bad token request (grant_type)' },
  40013: { 'zh-CN': 'AppID 不正确，请检查设置', en: 'Wrong AppID: check the settings' },
  40014: { 'zh-CN': '访问令牌不合法', en: 'Access token is not valid' },
  40056: {
    'zh-CN': '券码无效：未被领取、已转赠，或自定义码缺少/错配卡券',
    en: 'Invalid code: not claimed, gifted away, or wrong card for a custom code'
  },
  40066: { 'zh-CN': '接口地址不正确，请检查设置', en: 'Wrong API address: check the settings' },
  40071: { 'zh-CN': '会员卡不能核销', en: 'Member card: it cannot be redeemed' },
  40073: { 'zh-CN': '卡券 ID 无效或不属于本公众号', en: 'Card id invalid or not of this account' },
  40075: { 'zh-CN': '加密券码无效', en: 'Invalid encrypt_code' },
  40078: { 'zh-CN': '卡券状态不可用（未审核或已删除）', en: 'Card not usable (not approved or deleted)' },
  40079: { 'zh-CN': '券不在可用时间内', en: 'Coupon is outside its valid time' },
  40097: { 'zh-CN': '请求参数错误', en: 'Invalid request arguments' },
  40099: { 'zh-CN': '此券已被核销', en: 'This code has already been redeemed' },
  40116: { 'zh-CN': '券码不合法', en: 'Invalid code' },
  40125: { 'zh-CN': 'AppSecret 不正确，请检查设置', en: 'Wrong AppSecret: check the settings' },
  40127: {
    'zh-CN': '券已被用户删除、转赠中、已过期或已失效',
    en: 'Coupon deleted by the user, being gifted, expired or made unavailable'
  },
  40164: {
    'zh-CN': '本机 IP 不在公众号 IP 白名单中',
    en: 'This IP is not in the account’s IP whitelist'
  },
  40243: { 'zh-CN': 'AppSecret 已被冻结', en: 'AppSecret is frozen' },
  41001: { 'zh-CN': '缺少访问令牌', en: 'Access token missing' },
  41002: { 'zh-CN': '缺少 AppID', en: 'AppID missing' },
  41004: { 'zh-CN': '缺少 AppSecret', en: 'AppSecret missing' },
  41011: { 'zh-CN': '缺少必填字段', en: 'Missing required fields' },
  41012: { 'zh-CN': '缺少卡券 ID', en: 'Card id missing' },
  42001: { 'zh-CN': '访问令牌已过期', en: 'Access token expired' },
  43001: { 'zh-CN': '需要 GET 请求', en: 'GET required' },
  43002: { 'zh-CN': '需要 POST 请求', en: 'POST required' },
  43009: { 'zh-CN': '无自定义券码权限', en: 'No permission for custom codes' },
  44002: { 'zh-CN': '请求内容为空', en: 'Empty request body' },
  45009: {
    'zh-CN': '今日接口调用次数已用完，明天恢复（或由管理员清零配额）',
    en: 'Daily API quota used up; resumes tomorrow (or after the quota is reset)'
  },
  45011: { 'zh-CN': '调用太频繁，下一分钟再试', en: 'Too many calls; retrying next minute' },
  45030: { 'zh-CN': '该卡券无接口权限', en: 'This card has no API permission' },
  47001: { 'zh-CN': '请求格式错误', en: 'Request format error' },
  48001: {
    'zh-CN': '公众号未获得此接口权限（卡券功能未开通？）',
    en: 'The account is not authorised for this API (card feature not enabled?)'
  },
  50002: { 'zh-CN': '公众号受限（冻结或注销）', en: 'Account restricted (frozen or closed)' },
  61500: { 'zh-CN': '日期格式错误', en: 'Date format error' },
  61501: { 'zh-CN': '日期范围错误', en: 'Date range error' },
  89501: { 'zh-CN': '新 IP 调用待管理员确认', en: 'Call from a new IP awaits admin confirmation' },
  89503: { 'zh-CN': '新 IP 调用待管理员确认', en: 'Call from a new IP awaits admin confirmation' },
  89506: { 'zh-CN': '管理员拒绝了此 IP（24 小时）', en: 'Admin rejected this IP (24 h)' },
  89507: { 'zh-CN': '管理员拒绝了此 IP（1 小时）', en: 'Admin rejected this IP (1 h)' }
}

const STATUS_TEXT: Readonly<Record<string, Text>> = {
  EXPIRE: { 'zh-CN': '券已过期', en: 'Coupon expired' },
  GIFTING: { 'zh-CN': '券正在转赠给朋友', en: 'Coupon is being gifted to a friend' },
  GIFT_TIMEOUT: { 'zh-CN': '券转赠超时', en: 'Coupon gift timed out' },
  DELETE: { 'zh-CN': '券已被用户删除', en: 'Coupon deleted by the user' },
  UNAVAILABLE: { 'zh-CN': '券已被商户设为失效', en: 'Coupon made unavailable by the merchant' }
}

const REASON_TEXT: Readonly<Record<string, Text>> = {
  used_elsewhere: {
    'zh-CN': '微信显示此券已在别处先被核销（其他门店或其他方式）',
    en: 'WeChat says this code was redeemed elsewhere first'
  },
  card_mismatch: {
    'zh-CN': '微信上的卡券与收银员离线选择的不一致，未向微信核销',
    en: 'WeChat’s card differs from the one picked offline; not redeemed on WeChat'
  },
  card_mismatch_consumed: {
    'zh-CN': '已向微信核销，但微信上的卡券与记录的不一致',
    en: 'Redeemed on WeChat, but WeChat’s card differs from the one recorded'
  },
  consumed_unverified: {
    'zh-CN':
      '微信显示此券已核销，但本机的核销请求未收到明确答复，无法确认是本机核销还是别处先核销，请店长核实',
    en: 'WeChat shows this code as redeemed, but our request got no clear answer: it may have been redeemed elsewhere first. A manager must check'
  },
  not_yet_valid: {
    'zh-CN': '核销时此券尚未生效（早于券的开始时间），未向微信核销',
    en: 'The coupon was not yet valid when it was redeemed (before its start time); not redeemed on WeChat'
  },
  expired_when_redeemed: {
    'zh-CN': '核销时此券已过期（晚于券的结束时间），未向微信核销',
    en: 'The coupon had expired when it was redeemed (after its end time); not redeemed on WeChat'
  },
  cannot_consume: {
    'zh-CN': '微信显示此券当前不可核销，未向微信核销',
    en: 'WeChat says this code cannot be redeemed now; not redeemed on WeChat'
  }
}

/** Words for an errcode; unknown codes keep their number so nothing is hidden. */
export function describeErrcode(errcode: number, lang: Lang): string {
  const text = WECHAT_ERRCODE_TEXT[errcode]
  if (text) return text[lang]
  return lang === 'zh-CN' ? `微信返回错误 ${errcode}` : `WeChat error ${errcode}`
}

/** Words for a redemptions.status_reason written by the sync worker (other text is shown as it is). */
export function describeSyncReason(reason: string, lang: Lang): string {
  const fixed = REASON_TEXT[reason]
  if (fixed) return fixed[lang]
  if (reason.startsWith('wechat:')) {
    const errcode = Number(reason.slice('wechat:'.length))
    if (Number.isInteger(errcode)) return `${describeErrcode(errcode, lang)} (${errcode})`
  }
  if (reason.startsWith('status:')) {
    const status = reason.slice('status:'.length)
    const text = STATUS_TEXT[status]
    if (text) return text[lang]
    return lang === 'zh-CN' ? `券状态：${status}` : `Coupon status: ${status}`
  }
  return reason
}
