/**
 * The card cache over the real client and the sandbox over HTTP: a full pull into card_definitions, what the
 * offline "pick the coupon" list shows, and that a failed refresh leaves the old cache exactly as it was.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CardCache } from '../../src/main/upstream/cardCache'
import { TRAINING_CARD_IDS, type FaultRule } from '../../src/main/upstream/sandbox'
import { UpstreamError, type Upstream } from '../../src/main/upstream/types'
import type { Db } from '../../src/main/db/open'
import { startHarness, type Harness } from '../sandbox/helpers'
import { openStationDb, removeTempDbs } from '../sync/support/db'
import { FakeClock } from '../sync/support/fakeClock'
import { clientFor } from './support'

afterAll(removeTempDbs)

let h: Harness
let db: Db
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.server.close())
beforeEach(() => {
  h.reset()
  db = openStationDb()
})
afterEach(() => db.close())

const rows = (): Array<{
  card_id: string
  card_type: string
  title: string
  fetched_at: number
  raw_json: string
}> => db.prepare('SELECT * FROM card_definitions ORDER BY card_id').all() as never

describe('refresh', () => {
  it('stores every card of the account with its raw JSON, type and title', async () => {
    const cache = new CardCache({ db, upstream: clientFor(h.url) })
    const outcome = await cache.refresh()
    expect(outcome).toMatchObject({
      ok: true,
      summary: { stored: h.sandbox.model.cards.size, removed: 0, skipped: [] }
    })
    expect(rows()).toHaveLength(h.sandbox.model.cards.size)
    const cash = rows().find((r) => r.card_id === TRAINING_CARD_IDS.cashMin100)
    expect(cash).toMatchObject({ card_type: 'CASH' })
    expect(JSON.parse(cash?.raw_json ?? '{}')).toEqual(
      h.sandbox.model.cards.get(TRAINING_CARD_IDS.cashMin100)
    )
    expect(cache.getCached(TRAINING_CARD_IDS.cashMin100)).toEqual(
      await clientFor(h.url).getCard(TRAINING_CARD_IDS.cashMin100)
    )
    expect(cache.getCached('pNOSUCHCARD')).toBeNull()
  })

  it('offers only cards a customer can redeem today, by title', async () => {
    const cache = new CardCache({ db, upstream: clientFor(h.url) })
    await cache.refresh()
    const active = cache.activeCards(h.clock.now)
    const ids = active.map((c) => c.cardId)
    expect(ids).toContain(TRAINING_CARD_IDS.cash10)
    expect(ids).toContain(TRAINING_CARD_IDS.custom)
    expect(ids).not.toContain(TRAINING_CARD_IDS.member)
    expect(ids).not.toContain(TRAINING_CARD_IDS.expired)
    const titles = active.map((c) => c.title)
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'zh-CN')))
  })

  it('removes cards the account no longer lists', async () => {
    const cache = new CardCache({ db, upstream: clientFor(h.url) })
    await cache.refresh()
    h.sandbox.model.cards.delete(TRAINING_CARD_IDS.gift)
    expect(await cache.refresh()).toMatchObject({ ok: true, summary: { removed: 1 } })
    expect(cache.getCached(TRAINING_CARD_IDS.gift)).toBeNull()
  })
})

describe('failures leave the old cache intact', () => {
  it.each<[string, FaultRule]>([
    ['the listing fails', { kind: 'reset', paths: ['/card/batchget'] }],
    ['one card/get fails midway', { kind: 'http5xx', paths: ['/card/get'], times: 1 }]
  ])('%s', async (_name, rule) => {
    const cache = new CardCache({ db, upstream: clientFor(h.url) })
    await cache.refresh()
    const before = rows()
    h.sandbox.model.cards.delete(TRAINING_CARD_IDS.gift)
    h.sandbox.setFaults({ rules: [rule] })
    const outcome = await cache.refresh()
    expect(outcome.ok).toBe(false)
    expect(rows()).toEqual(before)
    expect(cache.lastRefresh()).toEqual(outcome)
  })

  it('a card the platform refuses or cannot describe keeps its old row; the others are refreshed', async () => {
    const client = clientFor(h.url)
    let refuse = false
    const upstream: Upstream = {
      name: 'wechat',
      getCodeStatus: client.getCodeStatus.bind(client),
      consume: client.consume.bind(client),
      getCard: client.getCard.bind(client),
      listCardIds: client.listCardIds.bind(client),
      decrypt: client.decrypt.bind(client),
      getCardJson: async (cardId) => {
        if (refuse && cardId === TRAINING_CARD_IDS.gift)
          throw new UpstreamError('rejected', 'invalid card id', 40073)
        if (refuse && cardId === TRAINING_CARD_IDS.groupon) return { card_type: 'GROUPON' }
        return client.getCardJson(cardId)
      }
    }
    const cache = new CardCache({ db, upstream })
    await cache.refresh()
    const before = rows()
    refuse = true
    const outcome = await cache.refresh()
    expect(outcome).toMatchObject({ ok: true, summary: { skipped: [expect.anything(), expect.anything()] } })
    const after = rows()
    expect(after.find((r) => r.card_id === TRAINING_CARD_IDS.gift)).toEqual(
      before.find((r) => r.card_id === TRAINING_CARD_IDS.gift)
    )
    expect(after.find((r) => r.card_id === TRAINING_CARD_IDS.groupon)).toEqual(
      before.find((r) => r.card_id === TRAINING_CARD_IDS.groupon)
    )
  })
})

describe('schedule and reporting', () => {
  it('refreshes on start, then every interval; after a failure sooner; reports every result', async () => {
    const clock = new FakeClock()
    const results: boolean[] = []
    let listings = 0
    let fail = false
    const client = clientFor(h.url)
    const upstream: Upstream = {
      name: 'wechat',
      getCodeStatus: client.getCodeStatus.bind(client),
      consume: client.consume.bind(client),
      getCard: client.getCard.bind(client),
      decrypt: client.decrypt.bind(client),
      listCardIds: async () => {
        listings++
        if (fail) throw new UpstreamError('network', 'down')
        return [TRAINING_CARD_IDS.cash10]
      }
    }
    const cache = new CardCache({
      db,
      upstream,
      clock,
      refreshIntervalMs: 3_600_000,
      retryIntervalMs: 60_000,
      onUpstreamResult: (ok) => results.push(ok)
    })
    cache.start()
    await expect.poll(() => cache.lastRefresh()?.ok).toBe(true)
    expect(listings).toBe(1)
    // Without getCardJson the parsed definition is stored, and read back the same.
    expect(cache.getCached(TRAINING_CARD_IDS.cash10)).toEqual(await client.getCard(TRAINING_CARD_IDS.cash10))
    fail = true
    await clock.advance(3_600_000)
    await expect.poll(() => listings).toBe(2)
    await expect.poll(() => cache.lastRefresh()?.ok).toBe(false)
    await clock.advance(60_000)
    await expect.poll(() => listings).toBe(3)
    expect(results).toEqual([true, true, false, false])
    await cache.stop()
    await clock.advance(3_600_000)
    expect(listings).toBe(3)
  })
})
