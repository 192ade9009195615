/**
 * setup.testConnection: fetch a token and the card list (card/batchget + card/get titles, at most 50)
 * with the settings being entered, within one deadline, and name a failure by a code the renderer says in
 * words a manager can act on (docs/wechat-api.md §1, §10: 40013, 40125, 40164, 48001, network).
 */
import {
  CONNECTION_TEST_MAX_CARDS,
  type ConnectionTestOutcome,
  type ConnectionTestResult
} from '../../shared/setup'
import {
  createSandboxFetch,
  createTrainingSandbox,
  TRAINING_APP_ID,
  TRAINING_APP_SECRET
} from '../upstream/sandbox'
import { UpstreamError } from '../upstream/types'
import { WechatCardClient, type WechatClientOptions } from '../upstream/wechat'

export const CONNECTION_TEST_DEADLINE_MS = 20_000

/** The errcodes a manager can fix at set-up, each with its own words (`connectionTest.<OUTCOME>`). */
const ERRCODE_OUTCOME: Readonly<Record<number, ConnectionTestOutcome>> = {
  40013: 'BAD_APP_ID',
  40125: 'BAD_APP_SECRET',
  40164: 'IP_NOT_WHITELISTED',
  48001: 'NO_CARD_PERMISSION'
}

type Failure = Extract<ConnectionTestResult, { ok: false }>

/** A failure as a code and the errcode; the renderer says it (docs/i18n.md: main sends no words). */
function explain(err: unknown): Omit<Failure, 'ok'> {
  if (err instanceof UpstreamError) {
    const known = err.errcode !== null ? ERRCODE_OUTCOME[err.errcode] : undefined
    if (known) return { outcome: known, errcode: err.errcode, kind: err.kind }
    if (err.kind === 'timeout') return { outcome: 'TIMEOUT', errcode: null, kind: err.kind }
    if (err.kind === 'network') return { outcome: 'NETWORK', errcode: null, kind: err.kind }
    if (err.errcode !== null) return { outcome: 'REFUSED', errcode: err.errcode, kind: err.kind }
    return { outcome: 'FAILED', errcode: null, kind: err.kind }
  }
  return { outcome: 'UNREACHABLE', errcode: null, kind: 'network' }
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
