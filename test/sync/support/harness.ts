/** A SyncWorker on a fresh database, a fake clock and a fake upstream, recording every event it emits. */
import type { Db } from '../../../src/main/db/open'
import { SyncWorker, type SyncEvents, type SyncWorkerOptions } from '../../../src/main/sync'
import { openStationDb } from './db'
import { FakeClock, seededRandom } from './fakeClock'
import { FakeUpstream } from './fakeUpstream'
import { record, view, type RedemptionSpec, type SyncView } from './redemptions'

export interface Emitted {
  event: keyof SyncEvents
  payload: SyncEvents[keyof SyncEvents]
}

export interface WorkerHarness {
  db: Db
  clock: FakeClock
  upstream: FakeUpstream
  worker: SyncWorker
  events: Emitted[]
  record(spec: RedemptionSpec): string
  /** What the cashier's look-up leaves behind: the code's status as code/get said it, stamped with the scan time. */
  lookedUp(code: string, seen?: Partial<LookedUp>): void
  view(id: string): SyncView
  updates(): Array<SyncEvents['redemption.updated']>
  states(): Array<SyncEvents['sync.state']>
}

export function workerHarness(options: Partial<SyncWorkerOptions> = {}): WorkerHarness {
  const db = options.db ?? openStationDb()
  const clock = new FakeClock()
  const upstream = new FakeUpstream()
  const events: Emitted[] = []
  const worker = new SyncWorker({
    db,
    upstream,
    clock,
    random: seededRandom(7),
    // Commit on the next turn: the fake clock's settle() runs on setImmediate, not on real milliseconds.
    commitIntervalMs: 0,
    emit: (event, payload) => {
      events.push({ event, payload })
    },
    ...options
  })
  return {
    db,
    clock,
    upstream,
    worker,
    events,
    record: (spec) => record(db, { at: clock.now(), ...spec }),
    lookedUp: (code, seen = {}) => {
      const l = { status: 'NORMAL', at: clock.now(), beginTime: null, endTime: null, ...seen }
      db.prepare(
        `INSERT OR REPLACE INTO code_statuses (code, card_id, status, can_consume, openid, begin_time, end_time, seen_at)
         VALUES (?, ?, ?, 1, NULL, ?, ?, ?)`
      ).run(code, CARD_A, l.status, l.beginTime, l.endTime, l.at)
    },
    view: (id) => view(db, id),
    updates: () =>
      events
        .filter((e) => e.event === 'redemption.updated')
        .map((e) => e.payload as SyncEvents['redemption.updated']),
    states: () =>
      events.filter((e) => e.event === 'sync.state').map((e) => e.payload as SyncEvents['sync.state'])
  }
}

export interface LookedUp {
  status: string
  at: number
  beginTime: number | null
  endTime: number | null
}

export const CARD_A = 'pCARDaaaaaaaaaaaaaaaaaaaaaaa'
export const CARD_B = 'pCARDbbbbbbbbbbbbbbbbbbbbbbb'
