/**
 * One Upstream reference for the whole station whose client can be replaced while it runs: set-up saves a new
 * base URL, AppSecret or token service, and the redeem service, the card cache, the sync worker and the reports
 * keep the object they were given while every later call goes to the new client. A call already on its way
 * finishes on the client it started with (the exactly-once bookkeeping of the sync worker does not care which
 * client answered).
 */
import type { CallOptions, Upstream } from './types'

export class SwappableUpstream implements Upstream {
  private current: Upstream

  constructor(initial: Upstream) {
    this.current = initial
  }

  /** The client calls go to now. */
  get client(): Upstream {
    return this.current
  }

  replace(next: Upstream): void {
    this.current = next
  }

  get name(): string {
    return this.current.name
  }

  getCodeStatus(code: string, cardId: string | undefined, options?: CallOptions) {
    return this.current.getCodeStatus(code, cardId, options)
  }

  consume(code: string, cardId: string | undefined, options?: CallOptions) {
    return this.current.consume(code, cardId, options)
  }

  getCard(cardId: string, options?: CallOptions) {
    return this.current.getCard(cardId, options)
  }

  // Optional in Upstream: present exactly when the current client has it (callers test for them).
  get getCardJson(): Upstream['getCardJson'] {
    return this.current.getCardJson?.bind(this.current)
  }

  listCardIds(options?: CallOptions) {
    return this.current.listCardIds(options)
  }

  decrypt(encryptCode: string, options?: CallOptions) {
    return this.current.decrypt(encryptCode, options)
  }

  get dailyVerifyCounts(): Upstream['dailyVerifyCounts'] {
    return this.current.dailyVerifyCounts?.bind(this.current)
  }
}
