/**
 * setup.testConnection: fetch a token and the card list (card/batchget + card/get titles, at most 50)
 * with the settings being entered, within one deadline, and explain a failure in words a manager can
 * act on (docs/wechat-api.md §1, §10: 40013, 40125, 40164, 48001, network).
 */
import { CONNECTION_TEST_MAX_CARDS, type ConnectionTestResult, type LocalizedText } from '../../shared/setup'
import {
  createSandboxFetch,
  createTrainingSandbox,
  TRAINING_APP_ID,
  TRAINING_APP_SECRET
} from '../upstream/sandbox'
import { UpstreamError } from '../upstream/types'
import { WechatCardClient, type WechatClientOptions } from '../upstream/wechat'

export const CONNECTION_TEST_DEADLINE_MS = 20_000

const ERRCODE_TEXT: Record<number, LocalizedText> = {
  40013: {
    'zh-CN': 'AppID 无效（40013）：请核对公众号的 AppID（以 wx 开头，共 18 位）。',
    en: 'Invalid AppID (40013): check the Official Account’s AppID (wx followed by 16 characters).'
  },
  40125: {
    'zh-CN': 'AppSecret 不正确（40125）：请在公众平台「设置与开发 → 基本配置」核对或重置 AppSecret。',
    en: 'Wrong AppSecret (40125): check or reset it in the Official Account platform (Settings → Basic configuration).'
  },
  40164: {
    'zh-CN':
      '本机出口 IP 不在公众号的 IP 白名单中（40164）：请在公众平台把门店的公网 IP 加入白名单，或改用令牌服务。',
    en: 'This station’s public IP is not on the account’s IP whitelist (40164): add it in the Official Account platform, or use a token service.'
  },
  48001: {
    'zh-CN': '该公众号没有卡券接口权限（48001）：请确认已开通卡券功能并完成微信认证。',
    en: 'The account is not authorised for the card API (48001): make sure 卡券 is enabled and the account is verified.'
  }
}

function explain(err: unknown): { errcode: number | null; kind: string; message: LocalizedText } {
  if (err instanceof UpstreamError) {
    const known = err.errcode !== null ? ERRCODE_TEXT[err.errcode] : undefined
    if (known) return { errcode: err.errcode, kind: err.kind, message: known }
    if (err.kind === 'network' || err.kind === 'timeout') {
      return {
        errcode: null,
        kind: err.kind,
        message: {
          'zh-CN': `连不上服务器（${err.kind === 'timeout' ? '超时' : '网络错误'}）：请检查网络和服务地址。`,
          en: `Could not reach the server (${err.kind}): check the network and the address.`
        }
      }
    }
    return {
      errcode: err.errcode,
      kind: err.kind,
      message: {
        'zh-CN': `连接失败${err.errcode !== null ? `（errcode ${err.errcode}）` : ''}：${err.message}`,
        en: `Connection failed${err.errcode !== null ? ` (errcode ${err.errcode})` : ''}: ${err.message}`
      }
    }
  }
  return {
    errcode: null,
    kind: 'network',
    message: {
      'zh-CN': '连不上服务器：请检查网络和服务地址。',
      en: `Could not reach the server: ${err instanceof Error ? err.message : String(err)}`
    }
  }
}

export type TestTarget =
  | { kind: 'training' }
  | { kind: 'wechat'; baseUrl: string | null; appId: string; appSecret: string }
  | { kind: 'tokenService'; url: string; stationKey: string | null }

function clientFor(target: TestTarget, now: () => number): WechatCardClient {
  const common: Partial<WechatClientOptions> = { now, defaultDeadlineMs: 8_000, tokenDeadlineMs: 8_000 }
  if (target.kind === 'training') {
    return new WechatCardClient({
      ...common,
      name: 'sandbox',
      baseUrl: 'https://sandbox.training.invalid',
      fetch: createSandboxFetch(createTrainingSandbox({ now })),
      credentials: { kind: 'appSecret', appId: TRAINING_APP_ID, appSecret: TRAINING_APP_SECRET }
    })
  }
  if (target.kind === 'wechat') {
    return new WechatCardClient({
      ...common,
      ...(target.baseUrl ? { baseUrl: target.baseUrl } : {}),
      credentials: { kind: 'appSecret', appId: target.appId, appSecret: target.appSecret }
    })
  }
  return new WechatCardClient({
    ...common,
    credentials: {
      kind: 'tokenService',
      url: target.url,
      ...(target.stationKey ? { stationKey: target.stationKey } : {})
    }
  })
}

export async function testConnection(
  target: TestTarget,
  options: { now?: () => number; deadlineMs?: number } = {}
): Promise<ConnectionTestResult> {
  const now = options.now ?? Date.now
  const client = clientFor(target, now)
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), options.deadlineMs ?? CONNECTION_TEST_DEADLINE_MS)
  const call = { signal: controller.signal }
  try {
    const ids = await client.listCardIds(call)
    const titles: string[] = []
    for (const id of ids.slice(0, CONNECTION_TEST_MAX_CARDS)) {
      const card = await client.getCard(id, call)
      titles.push(card.kind === 'unreadable' ? id : card.title || id)
    }
    return { ok: true, cardCount: ids.length, titles }
  } catch (err) {
    if (controller.signal.aborted) return { ok: false, ...explain(new UpstreamError('timeout', 'deadline')) }
    return { ok: false, ...explain(err) }
  } finally {
    clearTimeout(timer)
  }
}
