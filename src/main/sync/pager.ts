/**
 * Reads the due part of the outbox in seq order (FIFO), one page at a time, so the worker's memory never grows
 * with the queue. A cursor moves forward through the queue; when it reaches the end it starts again from the
 * front once, where retries that have come due are waiting.
 */
import type { OutboxStore } from './outboxStore'

export class OutboxPager {
  private page: number[] = []
  private cursor = 0

  constructor(
    private readonly store: OutboxStore,
    private readonly pageSize: number
  ) {}

  /** The next due item not `busy`, or undefined when none is due now. */
  nextDue(now: number, busy: (seq: number) => boolean): number | undefined {
    let wrapped = false
    for (;;) {
      while (this.page.length > 0) {
        const seq = this.page.shift() as number
        if (!busy(seq)) return seq
      }
      const rows = this.store.duePage(this.cursor, now, this.pageSize)
      if (rows.length > 0) {
        this.cursor = rows[rows.length - 1] as number
        this.page = rows
        continue
      }
      if (wrapped || this.cursor === 0) return undefined
      this.cursor = 0
      wrapped = true
    }
  }

  /** Forget the page read so far (items were made due out of order). */
  restart(): void {
    this.page = []
    this.cursor = 0
  }
}
