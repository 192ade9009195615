/** Group commit: writes of one turn share a transaction, each in its own savepoint; promises resolve after commit. */
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import type { Db } from '../../src/main/db/open'
import { WriteQueue } from '../../src/main/sync/writeQueue'
import { openStationDb, removeTempDbs } from './support/db'

afterAll(removeTempDbs)

let db: Db
afterEach(() => db.close())

const count = (): number => (db.prepare('SELECT count(*) AS n FROM settings').get() as { n: number }).n
const put = (key: string) => () =>
  db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, 0)').run(key, '1')

describe('WriteQueue', () => {
  it('commits the writes of one turn together; a failing write undoes only itself', async () => {
    db = openStationDb()
    const before = count()
    const queue = new WriteQueue(db, { minIntervalMs: 0 })
    const a = queue.run(put('sync.test.a'))
    const b = queue.run(() => {
      put('sync.test.b')()
      throw new Error('this write fails')
    })
    const c = queue.run(put('sync.test.c'))
    // Nothing is visible before the commit, and the callers are not answered before it either.
    expect(count()).toBe(before)
    await expect(a).resolves.toMatchObject({ changes: 1 })
    await expect(b).rejects.toThrow('this write fails')
    await expect(c).resolves.toMatchObject({ changes: 1 })
    const keys = (
      db.prepare("SELECT key FROM settings WHERE key LIKE 'sync.test.%' ORDER BY key").all() as Array<{
        key: string
      }>
    ).map((r) => r.key)
    expect(keys).toEqual(['sync.test.a', 'sync.test.c'])
  })

  it('under load, gathers the writes that come while it waits into one commit', async () => {
    db = openStationDb()
    const queue = new WriteQueue(db, { minIntervalMs: 20 })
    let commits = 0
    const transaction = db.transaction.bind(db)
    // An outer transaction is one commit; the per-write ones inside it are savepoints.
    vi.spyOn(db, 'transaction').mockImplementation((fn) => {
      if (!db.inTransaction) commits++
      return transaction(fn)
    })
    await queue.run(put('sync.load.0'))
    const writes: Array<Promise<unknown>> = []
    for (let i = 1; i <= 5; i++) {
      writes.push(queue.run(put(`sync.load.${i}`)))
      await new Promise((resolve) => setImmediate(resolve))
    }
    await Promise.all(writes)
    expect(count()).toBeGreaterThanOrEqual(6)
    expect(commits).toBe(2)
  })
})
