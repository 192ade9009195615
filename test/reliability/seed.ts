/**
 * A sandbox for the reliability runs: the training app, two cash cards (A and B, so a cashier can pick the wrong
 * one), and as many 12-digit codes as the run needs, some of them already consumed "elsewhere" and a few in states
 * that must end rejected.
 */
import {
  Sandbox,
  TRAINING_APP_ID,
  TRAINING_APP_SECRET,
  TRAINING_CARD_IDS,
  trainingSeed,
  type CodeSeed,
  type FaultConfig
} from '../../src/main/upstream/sandbox'

export const CARD_A = TRAINING_CARD_IDS.cash10
export const CARD_B = TRAINING_CARD_IDS.groupon
export const APP = { appId: TRAINING_APP_ID, appSecret: TRAINING_APP_SECRET }

export type CodeFate = 'normal' | 'usedElsewhere' | 'gifting'

export interface PlannedCode {
  code: string
  cardId: string
  fate: CodeFate
}

export const codeOf = (prefix: string, i: number): string =>
  `${prefix}${String(i).padStart(12 - prefix.length, '0')}`

export function reliabilitySandbox(codes: readonly PlannedCode[], now: () => number = Date.now): Sandbox {
  const cards = trainingSeed(now()).cards
  const idOf = (c: (typeof cards)[number]): unknown =>
    (c[c.card_type.toLowerCase()] as { base_info?: { id?: unknown } } | undefined)?.base_info?.id
  const card = (id: string) => {
    const found = cards.find((c) => idOf(c) === id)
    if (!found) throw new Error(`no training card ${id}`)
    return found
  }
  const begin = Math.floor(now() / 1000) - 86_400
  const end = begin + 60 * 86_400
  const seeds: CodeSeed[] = codes.map((c, i) => ({
    code: c.code,
    cardId: c.cardId,
    openid: `oREL${String(i).padStart(8, '0')}`.padEnd(28, 'x'),
    status: c.fate === 'usedElsewhere' ? 'CONSUMED' : c.fate === 'gifting' ? 'GIFTING' : 'NORMAL',
    beginTime: begin,
    endTime: end,
    ...(c.fate === 'usedElsewhere' ? { consumedAt: now() - 60_000 } : {})
  }))
  return new Sandbox({
    now,
    seed: {
      apps: [{ appid: APP.appId, secret: APP.appSecret }],
      cards: [card(CARD_A), card(CARD_B)],
      codes: seeds
    }
  })
}

/**
 * Every fault mode of the sandbox, about 30% of requests in all (the first rule that fires decides), plus a little
 * latency on everything. 45011 and token invalidation included.
 */
export function flakyFaults(seed: number, share = 0.3): FaultConfig {
  const each = share / 8
  return {
    seed,
    rules: [
      { kind: 'latency', ms: { min: 1, max: 15 } },
      { kind: 'systemBusy', probability: each },
      { kind: 'http5xx', status: 502, probability: each },
      { kind: 'reset', probability: each },
      { kind: 'dropReply', probability: each },
      { kind: 'minuteQuota', probability: each },
      { kind: 'tokenInvalid', errcode: 40001, probability: each / 2 },
      { kind: 'tokenInvalid', errcode: 42001, probability: each / 2 },
      { kind: 'malformed', form: 'nonjson', probability: each },
      { kind: 'malformed', form: 'truncated', probability: each }
    ]
  }
}
