/**
 * Turns a normalised scan into a look-up record: decrypts an encrypt_code, resolves the
 * card of a custom code, asks WeChat for the code's status with a short deadline and
 * fetches the card definition — falling back to the cache and the offline policy when
 * WeChat cannot be reached. Never throws for upstream trouble: that is what offline is for.
 */
import { isRejectedScan, type ScanEvent } from '../../shared/scan'
import type { CardDefinition, CodeGetError, CodeStatus, UnreadableCard } from '../../shared/coupon'
import { refusal } from '../../shared/rules'
import type { CardChoice, Connectivity } from '../../shared/redeem'
import { UpstreamError } from '../upstream/types'
import type { CustomCodeRule, RedeemSettings } from '../config/settings'
import { COUNTER_DEADLINE_MS, type RedemptionDeps } from './deps'
import type { LookupRecord } from './lookups'

interface Ids {
  lookupId: string
  redemptionId: string
  sessionId: string
}

export async function resolveLookup(
  deps: RedemptionDeps,
  settings: RedeemSettings,
  event: ScanEvent,
  chosenCardId: string | null,
  ids: Ids
): Promise<LookupRecord> {
  const base: LookupRecord = {
    ...ids,
    scan: { source: event.source, device: event.device, raw: event.raw, at: event.at },
    code: null,
    scannedCardId: null,
    card: null,
    cardSource: 'none',
    codeStatus: null,
    connectivity: deps.connectivity.current() === 'offline' ? 'offline' : 'online',
    choices: [],
    rejected: null,
    codeWindow: null,
    refusal: null,
    lastView: null,
    createdAt: event.at
  }
  if (isRejectedScan(event.normalized)) {
    return { ...base, rejected: { reason: event.normalized.reason, params: event.normalized.params } }
  }
  const deadlineMs = deps.lookupDeadlineMs ?? COUNTER_DEADLINE_MS
  const normalized = event.normalized
  let code: string
  if (normalized.kind === 'encrypted') {
    const decrypted = await attempt(deps, () => deps.upstream.decrypt(normalized.encryptCode, { deadlineMs }))
    if (!decrypted.ok) {
      const offline = decrypted.offline
      return {
        ...base,
        connectivity: offline ? 'offline' : base.connectivity,
        refusal: refusal(offline ? 'ENCRYPTED_CODE_OFFLINE' : 'UNKNOWN_CODE', offline)
      }
    }
    code = decrypted.value
  } else {
    code = normalized.code
  }
  const scannedCardId = chosenCardId ?? normalized.cardId ?? matchCustomCode(code, settings.customCodeRules)
  const withCode = { ...base, code, scannedCardId }

  const status = await attempt(deps, () =>
    deps.upstream.getCodeStatus(code, scannedCardId ?? undefined, { deadlineMs })
  )
  const connectivity: Connectivity = status.ok ? 'online' : status.offline ? 'offline' : base.connectivity
  const codeStatus: CodeStatus | CodeGetError | null = status.ok ? status.value : null
  // Offline: what WeChat last said about this code here — its card, and its own validity window, which is
  // fixed per code (a code refused online as not yet valid must not be accepted offline a minute later).
  const seen = connectivity === 'offline' ? deps.journal.lastSeen(code, scannedCardId) : null
  const cardId =
    (codeStatus?.kind === 'code' ? codeStatus.cardId : null) ?? scannedCardId ?? seen?.cardId ?? null
  const { card, cardSource } = await findCard(deps, cardId, connectivity, deadlineMs)
  if (codeStatus?.kind === 'code') {
    deps.journal.rememberStatus({
      code,
      cardId: codeStatus.cardId,
      // Known only from the card: a custom code's status belongs to (card, code), not to the string alone.
      customCode: card?.kind === 'card' && card.cardId === codeStatus.cardId && card.useCustomCode,
      status: codeStatus.userCardStatus,
      canConsume: codeStatus.canConsume === true,
      openid: codeStatus.openid,
      beginTime: codeStatus.beginTime ?? null,
      endTime: codeStatus.endTime ?? null,
      seenAt: withCode.createdAt
    })
  }
  const codeWindow = seen ? windowOf(seen.beginTime, seen.endTime) : null
  const record: LookupRecord = { ...withCode, connectivity, codeStatus, card, cardSource, codeWindow }

  // A custom code WeChat does not know without its card_id: the cashier must say which card it is.
  // Only cards no rule maps: a code that matched no rule cannot belong to a mapped card.
  const mapped = new Set(settings.customCodeRules.map((r) => r.cardId))
  const customCards = deps.cards.active().filter((c) => c.useCustomCode && !mapped.has(c.cardId))
  if (
    codeStatus?.kind === 'error' &&
    codeStatus.problem === 'unknownCode' &&
    !scannedCardId &&
    customCards.length
  ) {
    return {
      ...record,
      choices: customCards.map(choiceOf),
      refusal: refusal('CUSTOM_CODE_CARD_NEEDED', false)
    }
  }
  // Offline and the card is unknown here: offer the store's cards when the policy takes unknown cards at all
  // (decide then asks for the pick, and in live mode a manager's PIN); with none stored there is nothing real
  // to pick, so the code is refused (docs/offline-policy.md).
  if (connectivity === 'offline' && card?.kind !== 'card' && settings.policy.offline.allowUnknownCards) {
    const choices = deps.cards
      .active()
      .filter((c) => c.cardType !== 'MEMBER_CARD')
      .map(choiceOf)
    if (choices.length === 0) return { ...record, refusal: refusal('OFFLINE_NO_CARDS', true) }
    return { ...record, choices }
  }
  return record
}

function windowOf(begin: number | null, end: number | null): LookupRecord['codeWindow'] {
  if (begin === null && end === null) return null
  return { ...(begin !== null ? { begin } : {}), ...(end !== null ? { end } : {}) }
}

type Attempt<T> = { ok: true; value: T } | { ok: false; offline: boolean; error: UpstreamError }

/** Runs one upstream call, feeding the connectivity probe; transport trouble means offline. */
async function attempt<T>(deps: RedemptionDeps, call: () => Promise<T>): Promise<Attempt<T>> {
  try {
    const value = await call()
    deps.connectivity.record(true)
    return { ok: true, value }
  } catch (err) {
    const error = err instanceof UpstreamError ? err : new UpstreamError('network', String(err))
    const offline = error.retryable || error.kind === 'auth' || error.kind === 'quota_exhausted'
    deps.connectivity.record(!offline, error)
    return { ok: false, offline, error }
  }
}

async function findCard(
  deps: RedemptionDeps,
  cardId: string | null,
  connectivity: Connectivity,
  deadlineMs: number
): Promise<{ card: CardDefinition | UnreadableCard | null; cardSource: LookupRecord['cardSource'] }> {
  if (!cardId) return { card: null, cardSource: 'none' }
  if (connectivity === 'online') {
    try {
      return { card: await deps.cards.ensure(cardId, deadlineMs), cardSource: 'upstream' }
    } catch {
      // fall through to the cache: a slow card/get must not block the counter
    }
  }
  const cached = deps.cards.cached(cardId)
  return { card: cached, cardSource: cached ? 'cache' : 'none' }
}

export function matchCustomCode(code: string, rules: readonly CustomCodeRule[]): string | null {
  for (const rule of rules) {
    if (rule.prefix !== undefined && rule.prefix !== '' && code.startsWith(rule.prefix)) return rule.cardId
    if (rule.pattern !== undefined) {
      try {
        if (new RegExp(rule.pattern).test(code)) return rule.cardId
      } catch {
        // an invalid pattern is refused by settings validation; ignore it here
      }
    }
  }
  return null
}

const choiceOf = (card: CardDefinition): CardChoice => ({
  cardId: card.cardId,
  title: card.title,
  cardType: card.cardType,
  useCustomCode: card.useCustomCode
})
