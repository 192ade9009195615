/**
 * An in-memory Upstream with WeChat's code semantics (custom codes need their card_id; consume is not idempotent)
 * and scripted trouble: the next matching call can fail, be applied with its answer lost, or hang until released.
 */
import type { CodeGetError, CodeStatus, UserCardStatus } from '../../../src/shared/coupon'
import {
  UpstreamError,
  type CallOptions,
  type ConsumeResult,
  type Upstream
} from '../../../src/main/upstream/types'

export interface FakeCode {
  cardId: string
  status: UserCardStatus
  custom?: boolean
  memberCard?: boolean
  /** A server that consumes a plain code whatever card_id it is sent (then the reply's card tells the truth). */
  ignoresCardId?: boolean
}

export type Trouble =
  /** Fail before anything happens upstream. */
  | { op: 'consume' | 'get'; fail: UpstreamError }
  /** consume: applied upstream, then the answer is lost as `fail` (timeout / reset / dropped reply). */
  | { op: 'consume'; applyThenFail: UpstreamError }
  /** Hold the call until release() (or the caller's abort). */
  | { op: 'consume' | 'get'; hang: true }

export interface Call {
  op: 'consume' | 'get'
  code: string
  cardId: string | undefined
}

export class FakeUpstream implements Upstream {
  readonly name = 'fake'
  readonly codes = new Map<string, FakeCode>()
  readonly consumes = new Map<string, number>()
  readonly calls: Call[] = []
  readonly trouble: Trouble[] = []
  private readonly hung: Array<() => void> = []
  /** Called at the start of every call, before any trouble: tests change the world between two calls here. */
  beforeCall: ((call: Call) => void) | undefined

  addCode(code: string, fake: FakeCode): void {
    this.codes.set(code, fake)
  }

  consumeCount(code: string): number {
    return this.consumes.get(code) ?? 0
  }

  /** Lets every hanging call go on. */
  release(): void {
    for (const go of this.hung.splice(0)) go()
  }

  get hanging(): number {
    return this.hung.length
  }

  async getCodeStatus(
    code: string,
    cardId: string | undefined,
    options?: CallOptions
  ): Promise<CodeStatus | CodeGetError> {
    this.calls.push({ op: 'get', code, cardId })
    this.beforeCall?.({ op: 'get', code, cardId })
    await this.troubleFor('get', options)
    const entry = this.lookup(code, cardId)
    if (!entry)
      return { kind: 'error', problem: 'unknownCode', errcode: 40056, errmsg: 'invalid serial code' }
    return {
      kind: 'code',
      cardId: entry.cardId,
      code,
      openid: 'oFAKEopenid000000000000000000',
      userCardStatus: entry.status,
      rawUserCardStatus: entry.status,
      canConsume: entry.status === 'NORMAL',
      outerStr: null
    }
  }

  async consume(code: string, cardId: string | undefined, options?: CallOptions): Promise<ConsumeResult> {
    this.calls.push({ op: 'consume', code, cardId })
    this.beforeCall?.({ op: 'consume', code, cardId })
    const lost = await this.troubleFor('consume', options)
    const result = this.apply(code, cardId)
    if (lost) throw lost
    return result
  }

  async getCard(): Promise<never> {
    throw new UpstreamError('rejected', 'not used by the worker')
  }

  async listCardIds(): Promise<string[]> {
    return []
  }

  async decrypt(): Promise<string> {
    throw new UpstreamError('rejected', 'not used by the worker')
  }

  private apply(code: string, cardId: string | undefined): ConsumeResult {
    const plain = this.codes.get(code)
    const entry = plain?.ignoresCardId && !plain.custom ? plain : this.lookup(code, cardId)
    if (!entry) return { ok: false, errcode: 40056, errmsg: 'invalid serial code' }
    if (entry.memberCard) return { ok: false, errcode: 40071, errmsg: 'invalid card type' }
    if (entry.status === 'CONSUMED')
      return { ok: false, errcode: 40099, errmsg: 'invalid code, this code has consumed.' }
    if (entry.status !== 'NORMAL') return { ok: false, errcode: 40127, errmsg: 'invalid user-card status' }
    entry.status = 'CONSUMED'
    this.consumes.set(code, this.consumeCount(code) + 1)
    return { ok: true, cardId: entry.cardId, openid: 'oFAKEopenid000000000000000000' }
  }

  private lookup(code: string, cardId: string | undefined): FakeCode | undefined {
    const entry = this.codes.get(code)
    if (!entry) return undefined
    if (cardId !== undefined && cardId !== entry.cardId) return undefined
    if (cardId === undefined && entry.custom) return undefined
    return entry
  }

  /** Applies the first scripted trouble for `op`; returns the error to throw after applying a consume. */
  private async troubleFor(op: 'consume' | 'get', options?: CallOptions): Promise<UpstreamError | undefined> {
    const i = this.trouble.findIndex((t) => t.op === op)
    if (i < 0) return undefined
    const [t] = this.trouble.splice(i, 1)
    if (!t) return undefined
    if ('fail' in t) throw t.fail
    if ('applyThenFail' in t) return t.applyThenFail
    await new Promise<void>((resolve, reject) => {
      this.hung.push(resolve)
      options?.signal?.addEventListener('abort', () =>
        reject(new UpstreamError('timeout', `${op}: cancelled`, null, op === 'consume'))
      )
    })
    return undefined
  }
}

export const lostReply = (): UpstreamError =>
  new UpstreamError('network', '/card/code/consume: connection failed (UND_ERR_SOCKET)', null, true)
export const refused = (): UpstreamError =>
  new UpstreamError('network', '/card/code/consume: connection failed (ECONNREFUSED)', null, false)
export const busy = (mayHaveReached = false): UpstreamError =>
  new UpstreamError('transient', 'system error', -1, mayHaveReached)
