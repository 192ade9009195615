/** Kept apart from seed.ts so the kill-loop driver bundle does not pull in the sandbox. */
import type { ScanJournal } from '../../src/main/redeem/scanJournal'

/**
 * What the cashier's look-up leaves for an online redemption: WeChat's NORMAL answer, stamped with the scan
 * time (the redeem service writes it through the same journal). The sync worker relies on it to tell its own
 * consume from someone else's after a lost answer (docs/reliability.md § An ambiguous consume).
 */
export function rememberLookup(
  journal: ScanJournal,
  code: string,
  cardId: string,
  at: number,
  customCode = false
): void {
  journal.rememberStatus({
    code,
    cardId,
    customCode,
    status: 'NORMAL',
    canConsume: true,
    openid: null,
    beginTime: null,
    endTime: null,
    seenAt: at
  })
  journal.flush()
}
