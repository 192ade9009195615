/**
 * WeChat's own daily count next to ours: past days only, the difference, "unavailable" with the reason when the
 * upstream fails or cannot say, and what counts as ours (consumes WeChat confirmed on that China calendar day).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { wechatCounts } from '../../src/main/reports/wechatCounts'
import { UpstreamError, type Upstream } from '../../src/main/upstream/types'
import { trainingStation, type TestStation } from '../support/station'
import { ledgerDb, writeRedemption } from './support/ledger'

const CHINA = 8 * 3_600_000
/** 2026-11-23 10:00 in China. */
const NOW = Date.UTC(2026, 10, 23, 2)
const chinaTime = (day: string, hour: number) => Date.parse(`${day}T00:00:00Z`) - CHINA + hour * 3_600_000

function fakeUpstream(dailyVerifyCounts?: Upstream['dailyVerifyCounts']): Upstream {
  const refuse = async (): Promise<never> => {
    throw new Error('not used')
  }
  return {
    name: 'fake',
    getCodeStatus: refuse,
    consume: refuse,
    getCard: refuse,
    listCardIds: refuse,
    decrypt: refuse,
    ...(dailyVerifyCounts ? { dailyVerifyCounts } : {})
  }
}

let t: TestStation | null = null
afterEach(async () => {
  await t?.station.close()
  t = null
})

describe("WeChat's daily count", () => {
  it('compares past days, and says today is not published yet', async () => {
    const { db } = ledgerDb()
    // Ours on 11-21: two confirmed that day (one a consumed card mismatch), one confirmed after midnight,
    // one still pending and one conflict WeChat did not take from us.
    writeRedemption(
      db,
      { code: '1', at: chinaTime('2026-11-21', 10) },
      { status: 'synced', settledAt: chinaTime('2026-11-21', 10) }
    )
    writeRedemption(
      db,
      { code: '2', at: chinaTime('2026-11-21', 11) },
      {
        status: 'conflict',
        reason: 'card_mismatch_consumed',
        settledAt: chinaTime('2026-11-21', 11)
      }
    )
    writeRedemption(
      db,
      { code: '3', at: chinaTime('2026-11-21', 23) },
      { status: 'synced', settledAt: chinaTime('2026-11-22', 1) }
    )
    writeRedemption(db, { code: '4', at: chinaTime('2026-11-21', 12) }, { status: 'pending' })
    writeRedemption(
      db,
      { code: '5', at: chinaTime('2026-11-21', 13) },
      { status: 'conflict', settledAt: chinaTime('2026-11-21', 13) }
    )
    const asked: string[][] = []
    const upstream = fakeUpstream(async (begin, end) => {
      asked.push([begin, end])
      return [
        { date: '2026-11-21', verifyCount: 5 },
        { date: '2026-11-22', verifyCount: 1 }
      ]
    })
    expect(await wechatCounts(db, upstream, '2026-11-21', '2026-11-23', NOW)).toEqual([
      { date: '2026-11-21', state: 'ok', wechat: 5, ours: 2, difference: 3 },
      { date: '2026-11-22', state: 'ok', wechat: 1, ours: 1, difference: 0 },
      { date: '2026-11-23', state: 'not_yet', ours: 0 }
    ])
    expect(asked).toEqual([['2026-11-21', '2026-11-22']]) // today is never asked for
  })

  it('is unavailable, with the reason, when the upstream fails or cannot tell', async () => {
    const { db } = ledgerDb()
    const failing = fakeUpstream(async () => {
      throw new UpstreamError('network', 'connect ECONNREFUSED')
    })
    expect(await wechatCounts(db, failing, '2026-11-22', '2026-11-22', NOW)).toEqual([
      { date: '2026-11-22', state: 'unavailable', ours: 0, reason: 'connect ECONNREFUSED' }
    ])
    const mute = fakeUpstream()
    expect(await wechatCounts(db, mute, '2026-11-22', '2026-11-22', NOW)).toEqual([
      {
        date: '2026-11-22',
        state: 'unavailable',
        ours: 0,
        reason: 'the fake upstream does not report daily counts'
      }
    ])
    const silent = fakeUpstream(async () => [])
    expect((await wechatCounts(db, silent, '2026-11-22', '2026-11-22', NOW))[0]).toMatchObject({
      state: 'unavailable'
    })
  })

  it("reads the training sandbox's datacube through the real WeChat client", async () => {
    t = await trainingStation({ background: false })
    const now = Date.now()
    const yesterday = new Date(now + CHINA - 86_400_000).toISOString().slice(0, 10)
    const [day] = await wechatCounts(t.station.db, t.station.upstream, yesterday, yesterday, now)
    // The training seed has codes that were consumed "a day ago" somewhere else.
    expect(day).toMatchObject({ date: yesterday, state: 'ok', ours: 0 })
    expect(day?.state === 'ok' && day.wechat).toBeGreaterThan(0)
  })
})
