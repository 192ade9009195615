/**
 * Two custom-code cards for tests of defect "same custom code under two cards" (docs/reliability.md § Custom
 * codes): the training partner card and a copy of it under another card_id and title, holding the same code
 * strings. A plain (non-custom) training card is in the same seed, so a plain code can be tried against them.
 */
import {
  TRAINING_CARD_IDS,
  trainingSeed,
  type CodeSeed,
  type SandboxSeed,
  type WxCard
} from '../../src/main/upstream/sandbox'

export const CUSTOM_A = TRAINING_CARD_IDS.custom
export const CUSTOM_B = 'pHXTRNCash20CustomCodeTwo000'
export const PLAIN = TRAINING_CARD_IDS.cash10

/** A copy of a custom-code card under another id and title. */
export function customCardCopy(card: WxCard, id: string, title: string): WxCard {
  const copy = structuredClone(card)
  const section = copy[copy.card_type.toLowerCase()] as { base_info: Record<string, unknown> }
  section.base_info.id = id
  section.base_info.title = title
  return copy
}

const idOf = (card: WxCard): unknown =>
  (card[card.card_type.toLowerCase()] as { base_info?: { id?: unknown } } | undefined)?.base_info?.id

/**
 * The training app with three cards — CUSTOM_A, CUSTOM_B (both use_custom_code) and PLAIN — and the codes given:
 * each `shared` string is a NORMAL coupon of BOTH custom cards, each `plain` string a NORMAL coupon of PLAIN.
 */
export function twoCustomCardsSeed(
  now: number,
  codes: { shared: readonly string[]; plain?: readonly string[] }
): SandboxSeed {
  const training = trainingSeed(now)
  const cardOf = (id: string): WxCard => {
    const found = training.cards.find((c) => idOf(c) === id)
    if (!found) throw new Error(`no training card ${id}`)
    return found
  }
  const a = cardOf(CUSTOM_A)
  const begin = Math.floor(now / 1000) - 86_400
  const end = begin + 60 * 86_400
  const seed = (code: string, cardId: string, i: number): CodeSeed => ({
    code,
    cardId,
    openid: `oCUST${String(i).padStart(8, '0')}`.padEnd(28, 'x'),
    status: 'NORMAL',
    beginTime: begin,
    endTime: end
  })
  let i = 0
  return {
    apps: training.apps,
    cards: [a, customCardCopy(a, CUSTOM_B, '合作方20元券'), cardOf(PLAIN)],
    codes: [
      ...codes.shared.flatMap((code) => [seed(code, CUSTOM_A, i++), seed(code, CUSTOM_B, i++)]),
      ...(codes.plain ?? []).map((code) => seed(code, PLAIN, i++))
    ]
  }
}
