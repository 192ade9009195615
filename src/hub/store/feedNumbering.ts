/**
 * The feed's numbering after commit (docs/hub.md § Feed). Writers (claims, transitions, republish, batches) insert
 * their events with `seq` NULL and commit on their own, so concurrent claims share PostgreSQL's WAL flushes instead
 * of queueing on one row lock across each fsync. This numbers them afterwards: one short transaction takes the
 * hub_meta row lock, gives every committed unnumbered event the next numbers in write order (`id`), and commits —
 * one durable commit for all the events that arrived meanwhile.
 *
 * Why the feed stays gap-free and in order with several hub processes on one database: only this transaction
 * hands out numbers, it holds the hub_meta row lock until its COMMIT, and it reads the unnumbered events in a
 * statement that starts after it got the lock (READ COMMITTED: a fresh snapshot per statement), so it sees every
 * number the previous holder committed. An event whose writer has not committed yet is invisible and simply
 * waits for the next round; it never leaves a hole below a number a till already read.
 *
 * The feed sockets of every process wake on NOTIFY (sent inside the numbering transaction, delivered at its
 * commit); a sweep every second numbers what a process left behind (killed between its commit and the numbering)
 * and wakes the sockets if the counter moved without a notification reaching us.
 */
import pg from 'pg'
import type { Pool } from 'pg'

/** The NOTIFY channel ("the feed grew"; the payload is the new last_seq), named in hub migration 009 too. */
export const FEED_CHANNEL = 'hexiao_hub_feed'
/** At most this many events per numbering transaction; a longer backlog takes more rounds. */
const NUMBER_BATCH = 5000
const SWEEP_MS = 1000

export class FeedNumbering {
  private running: Promise<void> | null = null
  private again = false
  private stopped = false
  private listener: pg.Client | null = null
  private sweepTimer: NodeJS.Timeout | null = null
  private relistenTimer: NodeJS.Timeout | null = null
  private lastSeenSeq = -1

  constructor(
    private readonly pool: Pool,
    /** The feed grew: every local feed socket reads after its cursor. */
    private readonly wake: () => void,
    private readonly log: (line: string) => void = () => undefined
  ) {}

  /** Numbers what is pending, soon. Calls while a round runs make exactly one more round (group numbering). */
  request(): void {
    if (this.stopped) return
    if (this.running) {
      this.again = true
      return
    }
    this.running = this.loop().finally(() => {
      this.running = null
    })
  }

  /** Resolves once nothing requested so far is still waiting to be numbered by this process. */
  async settled(): Promise<void> {
    while (this.running) await this.running
  }

  private async loop(): Promise<void> {
    do {
      this.again = false
      try {
        let numbered = 0
        for (;;) {
          const n = await this.numberOnce()
          numbered += n
          if (n < NUMBER_BATCH) break
        }
        if (numbered > 0) this.wake()
      } catch (err) {
        // Left for the next request or the sweep; the events stay committed, only their numbers wait.
        if (!this.stopped)
          this.log(`hub: feed numbering failed: ${err instanceof Error ? err.message : String(err)}`)
        return
      }
    } while (this.again && !this.stopped)
  }

  /**
   * One numbering round; returns how many events it numbered. The round is the function hub_number_feed of hub
   * migration 009, called as one statement: one round trip and its own transaction. It looks for unnumbered events
   * first (none: no lock and no write, so no durable commit); else it takes the hub_meta row lock, numbers them
   * in a statement whose snapshot follows the lock, moves last_seq and notifies FEED_CHANNEL; the commit
   * releases the lock.
   */
  async numberOnce(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>({
      name: 'hub-feed-number',
      text: 'SELECT hub_number_feed($1) AS n',
      values: [NUMBER_BATCH]
    })
    return rows[0]?.n ?? 0
  }

  /**
   * LISTEN on a connection of its own (another hub process's numbering wakes our sockets), and the sweep. Called
   * once by the composition root (src/hub/hub.ts); a store without it still numbers its own writes.
   */
  start(connection: pg.ClientConfig): void {
    this.listen(connection)
    this.request() // whatever a previous process committed but never numbered
    const sweep = async (): Promise<void> => {
      const { rows } = await this.pool.query<{ last_seq: number; pending: boolean }>({
        name: 'hub-feed-sweep',
        text: `SELECT last_seq, EXISTS (SELECT 1 FROM claim_events WHERE seq IS NULL) AS pending FROM hub_meta`
      })
      const row = rows[0]
      if (!row) return
      if (row.pending) this.request()
      if (row.last_seq !== this.lastSeenSeq) {
        this.lastSeenSeq = row.last_seq
        this.wake()
      }
    }
    const tick = (): void => {
      if (this.stopped) return
      this.sweepTimer = setTimeout(() => {
        sweep().then(tick, (err: unknown) => {
          if (!this.stopped)
            this.log(`hub: feed sweep failed: ${err instanceof Error ? err.message : String(err)}`)
          tick()
        })
      }, SWEEP_MS)
      this.sweepTimer.unref()
    }
    tick()
  }

  private listen(connection: pg.ClientConfig): void {
    if (this.stopped) return
    const client = new pg.Client(connection)
    this.listener = client
    const retry = (): void => {
      if (this.listener !== client) return
      this.listener = null
      client.removeAllListeners('notification')
      void client.end().catch(() => undefined)
      if (this.stopped) return
      this.relistenTimer = setTimeout(() => this.listen(connection), SWEEP_MS)
      this.relistenTimer.unref()
    }
    client.on('notification', () => this.wake())
    client.on('error', (err) => {
      if (!this.stopped) this.log(`hub: feed listener failed: ${err.message}`)
      retry()
    })
    client.on('end', retry)
    client
      .connect()
      .then(() => client.query(`LISTEN ${FEED_CHANNEL}`))
      .catch((err: unknown) => {
        if (!this.stopped)
          this.log(`hub: feed listener cannot connect: ${err instanceof Error ? err.message : String(err)}`)
        retry()
      })
  }

  /** Before the pool closes: no new rounds, the running one finishes, the listener goes. */
  async stop(): Promise<void> {
    this.stopped = true
    if (this.sweepTimer) clearTimeout(this.sweepTimer)
    if (this.relistenTimer) clearTimeout(this.relistenTimer)
    const listener = this.listener
    this.listener = null
    if (listener) {
      listener.removeAllListeners()
      listener.on('error', () => undefined)
      await listener.end().catch(() => undefined)
    }
    await this.running?.catch(() => undefined)
  }
}
