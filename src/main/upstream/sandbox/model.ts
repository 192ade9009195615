/**
 * The sandbox's in-memory WeChat account: credentials, tokens, cards, codes and what happened to them.
 * Everything is reproducible: the clock is injected and ids/rids come from a seeded PRNG, and `reset()`
 * rebuilds the exact initial state from the seed.
 */
import { createHash } from 'node:crypto'
import { cardIdOf, usesCustomCode } from './card-shape'
import type { Clock } from './clock'
import { errmsgOf } from './errors'
import { HEX, Prng } from './prng'
import { TokenStore } from './tokens'
import type {
  AppCredential,
  CallRecord,
  CodeEntry,
  CodeSeed,
  CodeStatus,
  ConsumeRecord,
  JsonObject,
  PartitionTripwire,
  SandboxSeed,
  WxCard
} from './types'

export interface SandboxModelOptions {
  seed: SandboxSeed | (() => SandboxSeed)
  now: Clock
  /** Seeds tokens and rids (not faults). Default 1. */
  idSeed?: number
  /** When set, token calls from other IPs get 40164 (the MP "IP白名单"). */
  ipWhitelist?: string[]
}

const CALL_LOG_LIMIT = 10_000

export class SandboxModel {
  readonly now: Clock
  readonly ipWhitelist: readonly string[] | undefined
  readonly apps = new Map<string, AppCredential>()
  readonly cards = new Map<string, WxCard>()
  /**
   * Codes by key: a plain code by itself (unique in the account), a custom code by card_id + U+001F + code —
   * the same custom string under two cards is two coupons, as on WeChat. Use findCode() to look one up.
   */
  readonly codes = new Map<string, CodeEntry>()
  readonly tripwires = new Map<string, PartitionTripwire>()
  tokens: TokenStore
  private ids: Prng
  private readonly encryptToCode = new Map<string, string>()
  private readonly codeToEncrypt = new Map<string, string>()
  private consumes: ConsumeRecord[] = []
  private calls: CallRecord[] = []
  private callSeq = 0
  private errorSeq = 0

  constructor(private readonly options: SandboxModelOptions) {
    this.now = options.now
    this.ipWhitelist = options.ipWhitelist
    this.ids = new Prng(options.idSeed ?? 1)
    this.tokens = new TokenStore(this.ids)
    this.reset()
  }

  /** Back to the seeded state: tokens, code states, logs and counters are all forgotten. */
  reset(): void {
    const seed = typeof this.options.seed === 'function' ? this.options.seed() : this.options.seed
    this.ids = new Prng(this.options.idSeed ?? 1)
    this.tokens = new TokenStore(this.ids)
    for (const map of [
      this.apps,
      this.cards,
      this.codes,
      this.tripwires,
      this.encryptToCode,
      this.codeToEncrypt
    ]) {
      map.clear()
    }
    this.consumes = []
    this.calls = []
    this.callSeq = 0
    this.errorSeq = 0
    for (const app of seed.apps) this.apps.set(app.appid, { ...app })
    for (const card of seed.cards) this.addCard(card)
    for (const code of seed.codes) this.addCode(code)
    for (const wire of seed.tripwires ?? []) this.tripwires.set(wire.code, { ...wire })
  }

  addCard(card: WxCard): void {
    const id = cardIdOf(card)
    if (id === undefined) throw new Error('sandbox card without base_info.id')
    this.cards.set(id, structuredClone(card))
  }

  addCode(seed: CodeSeed): void {
    if (!this.cards.has(seed.cardId))
      throw new Error(`sandbox code ${seed.code} for unknown card ${seed.cardId}`)
    const { consumedAt, claimed, ...rest } = seed
    const card = this.cards.get(seed.cardId)
    const key = card && usesCustomCode(card) ? customKey(seed.cardId, seed.code) : seed.code
    this.codes.set(key, { ...rest, outerStr: seed.outerStr, claimed: claimed ?? true })
    if (consumedAt !== undefined) {
      this.consumes.push({ code: seed.code, cardId: seed.cardId, openid: seed.openid, at: consumedAt })
    }
    // Real encrypt_codes are 64 base64 characters (§3.3); a hash keeps ours stable across resets and runs.
    const encrypted = createHash('sha384').update(`hexiao-sandbox|${seed.code}`).digest('base64')
    this.encryptToCode.set(encrypted, seed.code)
    this.codeToEncrypt.set(seed.code, encrypted)
  }

  /**
   * The code a request names, as WeChat finds it: with a card_id, that card's code (a custom card's own string,
   * or a plain code only if it belongs to that card); without one, a plain code only (a custom code needs its
   * card_id, §2.2).
   */
  findCode(code: string, cardId?: string): CodeEntry | undefined {
    if (cardId === undefined) return this.codes.get(code)
    const card = this.cards.get(cardId)
    if (card && usesCustomCode(card)) return this.codes.get(customKey(cardId, code))
    const plain = this.codes.get(code)
    return plain?.cardId === cardId ? plain : undefined
  }

  /** Every coupon with this code string (a plain one, and the custom ones of any card). */
  entriesOf(code: string): CodeEntry[] {
    return [...this.codes.values()].filter((entry) => entry.code === code)
  }

  /**
   * For tools that name a code without its card (admin API, training drills): the plain code, else the first
   * custom code with this string (the training codes are all distinct strings).
   */
  anyEntryOf(code: string): CodeEntry | undefined {
    return this.findCode(code) ?? this.entriesOf(code)[0]
  }

  /** A NORMAL code whose end_time has passed reports EXPIRE, as the real account's codes do. */
  effectiveStatus(entry: CodeEntry): CodeStatus {
    if (entry.status === 'NORMAL' && this.now() > entry.endTime * 1000) return 'EXPIRE'
    return entry.status
  }

  applyConsume(entry: CodeEntry): ConsumeRecord {
    entry.status = 'CONSUMED'
    const record = { code: entry.code, cardId: entry.cardId, openid: entry.openid, at: this.now() }
    this.consumes.push(record)
    return record
  }

  /**
   * How many consumes of this code took effect (seeded history included), of one card's coupon when cardId is
   * given. Tests use it to prove no double spend.
   */
  consumeCount(code: string, cardId?: string): number {
    return this.consumes.filter((c) => c.code === code && (cardId === undefined || c.cardId === cardId))
      .length
  }

  consumeLog(): readonly ConsumeRecord[] {
    return this.consumes
  }

  encryptCodeOf(code: string): string | undefined {
    return this.codeToEncrypt.get(code)
  }

  decrypt(encryptCode: string): string | undefined {
    return this.encryptToCode.get(encryptCode)
  }

  recordCall(call: Omit<CallRecord, 'seq' | 'at'>): void {
    this.calls.push({ seq: ++this.callSeq, at: this.now(), ...call })
    if (this.calls.length > CALL_LOG_LIMIT) this.calls.splice(0, this.calls.length - CALL_LOG_LIMIT)
  }

  callLog(): readonly CallRecord[] {
    return this.calls
  }

  /**
   * `{errcode, errmsg}` worded like the real API. Two replies in three get a `rid:` (sometimes `hint:`)
   * suffix, as real replies do, so that only errcode is a stable thing to match on.
   */
  error(errcode: number, message = errmsgOf(errcode)): JsonObject {
    const turn = this.errorSeq++ % 3
    const rid = `${this.ids.chars(8, HEX)}-${this.ids.chars(8, HEX)}-${this.ids.chars(8, HEX)}`
    const suffix =
      turn === 0 ? '' : turn === 1 ? ` rid: ${rid}` : ` hint: [${this.ids.chars(8, HEX)}] rid: ${rid}`
    return { errcode, errmsg: `${message}${suffix}` }
  }

  ok(fields: JsonObject = {}): JsonObject {
    return { errcode: 0, errmsg: 'ok', ...fields }
  }
}

const customKey = (cardId: string, code: string): string => `${cardId}\u001f${code}`
