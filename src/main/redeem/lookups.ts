/**
 * Look-ups in progress. A look-up holds everything the decision needs (card, code status,
 * connectivity at scan time) so that typing the bill amount or picking a card re-decides
 * without asking WeChat again, and it carries the redemption's idempotency key (UUIDv7)
 * from the start: committing the same look-up twice can only ever write one row.
 * Also answers the 2-second double-read rule (same code, same device).
 */
import { DOUBLE_READ_WINDOW_MS } from '../../shared/rules'
import type { CardDefinition, CodeGetError, CodeStatus, UnreadableCard } from '../../shared/coupon'
import type { CardChoice, Connectivity, LookupView, ScanView } from '../../shared/redeem'

export interface LookupRecord {
  lookupId: string
  redemptionId: string
  sessionId: string
  scan: ScanView
  code: string | null
  /** card_id from the scan itself (URL) or from a custom-code rule or the cashier's pick. */
  scannedCardId: string | null
  card: CardDefinition | UnreadableCard | null
  cardSource: LookupView['cardSource']
  codeStatus: CodeStatus | CodeGetError | null
  connectivity: Connectivity
  choices: CardChoice[]
  rejected: LookupView['rejected']
  /** Offline: the code's own validity window as WeChat last gave it to this station (epoch ms). */
  codeWindow: { begin?: number; end?: number } | null
  /** A fixed decision made before the rules could run (encrypted code offline…). */
  refusal: LookupView['decision']
  lastView: LookupView | null
  createdAt: number
}

const TTL_MS = 15 * 60_000
const MAX_KEPT = 500

export class Lookups {
  private readonly byId = new Map<string, LookupRecord>()

  constructor(private readonly now: () => number) {}

  put(record: LookupRecord): void {
    this.sweep()
    this.byId.set(record.lookupId, record)
  }

  get(lookupId: string, sessionId: string): LookupRecord | null {
    const record = this.byId.get(lookupId)
    if (!record || record.sessionId !== sessionId || this.now() - record.createdAt > TTL_MS) return null
    return record
  }

  /** The look-up of the same code from the same device within the double-read window, if any. */
  recentDoubleRead(code: string, device: string): LookupRecord | null {
    const now = this.now()
    let found: LookupRecord | null = null
    for (const record of this.byId.values()) {
      if (
        record.code === code &&
        record.scan.device === device &&
        now - record.scan.at <= DOUBLE_READ_WINDOW_MS
      )
        found = record
    }
    return found
  }

  private sweep(): void {
    const now = this.now()
    for (const [id, record] of this.byId) if (now - record.createdAt > TTL_MS) this.byId.delete(id)
    while (this.byId.size >= MAX_KEPT) {
      const oldest = this.byId.keys().next().value
      if (oldest === undefined) break
      this.byId.delete(oldest)
    }
  }
}
