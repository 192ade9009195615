/**
 * "Reset practice" and the training sheet's texts over the real contract: real SQLite files, the in-process
 * training sandbox behind the real WeChat client, the rules, the ledger, the dispatcher's access check.
 * - reset only in training (a live station answers TRAINING_ONLY and its database is left as it was), by a
 *   manager only (a cashier gets FORBIDDEN and nothing changes), audited in the same transaction;
 * - after a reset the same practice codes redeem again (online and the offline drill);
 * - the sheet's outside-hours window is the window the rules enforce, on the store's clock, in a store zone
 *   that is neither the machine's nor Beijing's, across an hour boundary and across a reset;
 * - no sheet text names a setting, and the custom code behaves as its text says.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { writeSetting } from '../../src/main/db/settings'
import { createDispatcher } from '../../src/main/ipc/dispatcher'
import { Session } from '../../src/main/ipc/session'
import { verifyAuditChain } from '../../src/main/audit/audit'
import { openStation, type Station } from '../../src/main/station/station'
import { TRAINING_CARD_IDS, trainingSeed } from '../../src/main/upstream/sandbox'
import type { PracticeResetResult, TrainingScenarioView } from '../../src/shared/ipc/contracts/training'
import type { LookupView } from '../../src/shared/redeem'
import type { Result } from '../../src/shared/result'
import { localParts } from '../../src/shared/time'
import { sampleRow } from '../support/rows'
import { trainingStation, type TestStation } from '../support/station'
import { createTranslator } from '../../src/shared/i18n'

/** A scenario's description as the sheet shows it: the catalogue's words with the row's params. */
const describe_ = (row: TrainingScenarioView, lang: 'zh-CN' | 'en'): string =>
  createTranslator(lang)(`trainingScenario.${row.key}.description`, row.params)

const REASON = '练习已重置'
const codeOf = (key: string): string => trainingSeed(Date.now()).scenarios.find((s) => s.key === key)!.code

let opened: Station[] = []
afterEach(async () => {
  for (const s of opened) await s.close()
  opened = []
})

async function training(options: Parameters<typeof trainingStation>[0] = {}): Promise<TestStation> {
  const t = await trainingStation({ background: false, ...options })
  opened.push(t.station)
  return t
}

function callerFor(station: Station, who: TestStation['manager']) {
  const dispatch = createDispatcher(station.handlers)
  const session = new Session('test')
  session.signIn(who)
  return async <T>(channel: string, request?: unknown): Promise<Result<T>> =>
    (await dispatch(channel, request, session)) as Result<T>
}

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

const scan = (t: TestStation, raw: string, extra: { cardId?: string; device?: string } = {}) =>
  t.station.services.redemptions.lookup(
    {
      source: 'manual',
      device: extra.device ?? `till-${Math.random()}`,
      raw,
      ...(extra.cardId ? { cardId: extra.cardId } : {})
    },
    t.cashier,
    t.session.id
  )

const redeem = (t: TestStation, view: LookupView, pickedCardId?: string) =>
  t.station.services.redemptions.commit(
    {
      lookupId: view.lookupId,
      otherDiscount: false,
      confirmWarnings: true,
      ...(pickedCardId ? { pickedCardId } : {})
    },
    t.cashier,
    t.session.id
  )

const count = (station: Station, sql: string): number => (station.db.prepare(sql).get() as { n: number }).n

const lastAudit = (station: Station) =>
  station.db
    .prepare('SELECT action, actor_name, detail_json FROM audit_log ORDER BY id DESC LIMIT 1')
    .get() as {
    action: string
    actor_name: string
    detail_json: string
  }

describe('reset practice', () => {
  it('lets a manager make the used practice codes redeemable again, marks the old redemptions and audits it', async () => {
    const t = await training()
    const call = callerFor(t.station, t.manager)
    const cash = codeOf('CASH_NO_THRESHOLD')
    const gift = codeOf('GIFT')
    for (const code of [cash, gift]) expect((await redeem(t, await scan(t, code))).sync).toBe('confirmed')
    expect((await scan(t, cash)).decision?.outcome).toBe('DUPLICATE')

    const result = value(await call<PracticeResetResult>('training.resetPractice', { reason: REASON }))
    expect(result).toMatchObject({ cleared: 2, cancelled: 0 })

    // Marked, not deleted: voided with the manager's words, by the manager.
    const rows = t.station.db
      .prepare('SELECT code, status, void_reason, voided_by FROM redemptions ORDER BY at')
      .all()
    expect(rows).toEqual([
      { code: cash, status: 'voided', void_reason: REASON, voided_by: t.manager.staffId },
      { code: gift, status: 'voided', void_reason: REASON, voided_by: t.manager.staffId }
    ])
    expect(lastAudit(t.station)).toMatchObject({ action: 'training.practice_reset', actor_name: '王店长' })
    expect(JSON.parse(lastAudit(t.station).detail_json)).toMatchObject({ cleared: 2, cancelled: 0 })
    expect(verifyAuditChain(t.station.db).ok).toBe(true)

    // The same codes redeem again, and WeChat (the fresh sandbox) consumed each once since the reset.
    for (const code of [cash, gift]) {
      const again = await scan(t, code)
      expect(again.decision?.outcome).toBe('OK')
      expect((await redeem(t, again)).sync).toBe('confirmed')
      expect(t.station.sandbox?.consumeCount(code)).toBe(1)
    }
  })

  it('runs the offline drill again after a reset', async () => {
    const t = await training()
    expect((await t.station.services.cards.refresh()).ok).toBe(true)
    const call = callerFor(t.station, t.manager)
    const drill = codeOf('NETWORK_DOWN')

    const drillOnce = async () => {
      const view = await scan(t, drill)
      expect(view.connectivity).toBe('offline')
      expect(view.decision?.reasons.map((r) => r.code)).toContain('OFFLINE')
      const result = await redeem(t, view, TRAINING_CARD_IDS.cash10)
      expect(result.sync).toBe('queued')
      return result
    }
    const first = await drillOnce()
    // Without a reset the drill is over: the code is this station's redemption now.
    t.station.sandbox?.heal()
    expect((await scan(t, drill)).decision?.outcome).toBe('DUPLICATE')

    const reset = value(await call<PracticeResetResult>('training.resetPractice', { reason: REASON }))
    // The offline redemption was still queued: its item is cancelled, nothing of it will be sent.
    expect(reset).toMatchObject({ cleared: 1, cancelled: 1 })
    expect(t.station.services.ledger.outboxFor(first.redemption.id)?.state).toBe('cancelled')

    const second = await drillOnce()
    expect(second.redemption.id).not.toBe(first.redemption.id)
    expect(t.station.sandbox?.consumeCount(drill)).toBe(0)
  })

  it('is refused to a cashier, with nothing changed', async () => {
    const t = await training()
    const code = codeOf('GROUPON')
    await redeem(t, await scan(t, code))
    const auditBefore = count(t.station, 'SELECT count(*) AS n FROM audit_log')
    const result = await callerFor(t.station, t.cashier)('training.resetPractice', { reason: REASON })
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(count(t.station, `SELECT count(*) AS n FROM redemptions WHERE status = 'voided'`)).toBe(0)
    expect(count(t.station, 'SELECT count(*) AS n FROM audit_log')).toBe(auditBefore)
    expect((await scan(t, code)).decision?.outcome).toBe('DUPLICATE')
  })

  it('asks for the words of the void reason', async () => {
    const t = await training()
    const result = await callerFor(t.station, t.manager)('training.resetPractice', { reason: '  ' })
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
  })

  it('is refused on a live station, whose database is left exactly as it was', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hexiao-live-'))
    const live = openStation({ dataDir, runtime: 'node-host', mode: 'live', live: null, background: false })
    opened.push(live)
    const manager = await live.services.staff.create({ name: '王店长', role: 'manager', pin: '2468' }, null)
    const row = sampleRow({ code: codeOf('CASH_NO_THRESHOLD'), at: Date.now() })
    live.services.ledger.recordRedemption(row)
    const snapshot = () => ({
      redemptions: live.db.prepare('SELECT * FROM redemptions').all(),
      outbox: live.db.prepare('SELECT seq, state, in_flight FROM outbox').all(),
      audit: live.db.prepare('SELECT id, hash FROM audit_log').all()
    })
    const before = snapshot()
    const result = await callerFor(live, manager)('training.resetPractice', { reason: REASON })
    expect(result).toMatchObject({ ok: false, error: { code: 'TRAINING_ONLY' } })
    expect(snapshot()).toEqual(before)
    expect(live.services.ledger.get(row.id)?.status).toBe('pending')
    // And a live station has no training sheet at all.
    expect(value(await callerFor(live, manager)<TrainingScenarioView[]>('training.scenarios'))).toEqual([])
  })
})

describe("the training sheet's texts come from the rules' data", () => {
  /** Pago Pago is UTC−11: neither the machine's zone (UTC in CI) nor Beijing's, 19 hours behind it. */
  const ZONE = 'Pacific/Pago_Pago'
  /** 2026-12-05 10:59:30 in Pago Pago (21:59:30 UTC; 05:59:30 the next day in Beijing). */
  const BEFORE_HOUR = Date.UTC(2026, 11, 5, 21, 59, 30)
  const hourThere = (at: number) => Math.floor(localParts(at, ZONE).minuteOfDay / 60)

  async function storeInZone(clock: { at: number }) {
    // The store profile is read when the sandbox is dated: write it, then open the station again on that file.
    const dataDir = mkdtempSync(join(tmpdir(), 'hexiao-zone-'))
    const first = openStation({ dataDir, runtime: 'node-host', mode: 'training', background: false })
    writeSetting(first.db, 'store.profile', { timeZone: ZONE, cutoffMinutes: 240 })
    await first.close()
    const t = await training({ dataDir, now: () => clock.at })
    expect(t.station.services.settings.store().timeZone).toBe(ZONE)
    return t
  }

  const sheetHours = async (t: TestStation): Promise<{ zh: string; en: string }> => {
    const rows = value(await callerFor(t.station, t.cashier)<TrainingScenarioView[]>('training.scenarios'))
    const row = rows.find((r) => r.key === 'OUTSIDE_HOURS')!
    const window = (text: string) => /(\d\d:\d\d–\d\d:\d\d)/.exec(text)?.[1] ?? `no window in: ${text}`
    return { zh: window(describe_(row, 'zh-CN')), en: window(describe_(row, 'en')) }
  }

  const enforcedHours = async (t: TestStation): Promise<string> => {
    const view = await scan(t, codeOf('OUTSIDE_HOURS'))
    expect(view.decision?.outcome).toBe('DENY')
    const reason = view.decision?.reasons.find((r) => r.code === 'OUTSIDE_HOURS')
    expect(reason, JSON.stringify(view.decision?.reasons)).toBeDefined()
    return String(reason?.params['hours'])
  }

  it('shows the window the rules enforce, chosen on the store clock, across an hour boundary and a reset', async () => {
    const clock = { at: BEFORE_HOUR }
    const t = await storeInZone(clock)
    expect(hourThere(clock.at)).toBe(10)
    // Dated at 10:59:30 store time: the window starts 6 hours after the store's hour, not Beijing's.
    expect(await sheetHours(t)).toEqual({ zh: '16:00–19:00', en: '16:00–19:00' })
    expect(await enforcedHours(t)).toBe('16:00–19:00')

    // One minute later it is 11:00:30 there: the sheet still names the card's window, the one enforced.
    clock.at = BEFORE_HOUR + 60_000
    expect(hourThere(clock.at)).toBe(11)
    expect(await sheetHours(t)).toEqual({ zh: '16:00–19:00', en: '16:00–19:00' })
    expect(await enforcedHours(t)).toBe('16:00–19:00')

    // A reset dates the sandbox again: the sheet, the cached card and the rule move together.
    const reset = value(
      await callerFor(t.station, t.manager)<PracticeResetResult>('training.resetPractice', { reason: REASON })
    )
    expect(reset.hoursLabel).toBe('17:00–20:00')
    expect(await sheetHours(t)).toEqual({ zh: '17:00–20:00', en: '17:00–20:00' })
    const limits = t.station.services.cards.getCached(TRAINING_CARD_IDS.hours)?.timeLimit ?? []
    expect(limits.length).toBeGreaterThan(0)
    expect(limits.every((l) => l.beginHour === 17 && l.endHour === 20)).toBe(true)
    expect(await enforcedHours(t)).toBe('17:00–20:00')
  })

  it('names no setting, and the custom code asks for its card as its text says', async () => {
    const t = await training()
    const rows = value(await callerFor(t.station, t.cashier)<TrainingScenarioView[]>('training.scenarios'))
    for (const row of rows) {
      expect(describe_(row, 'zh-CN'), row.key).not.toMatch(/设置|映射|配置/)
      expect(describe_(row, 'en'), row.key).not.toMatch(/setting|mapped|mapping|configur/i)
    }
    const custom = rows.find((r) => r.key === 'CUSTOM_CODE')!
    // The custom-code cards to choose from are the cached ones (a running station refreshes them at start).
    expect((await t.station.services.cards.refresh()).ok).toBe(true)
    const first = await scan(t, custom.code)
    expect(first.decision?.reasons.map((r) => r.code)).toEqual(['CUSTOM_CODE_CARD_NEEDED'])
    const choice = first.choices.find((c) => c.cardId === TRAINING_CARD_IDS.custom)
    expect(choice?.title).toBe('合作方15元券')
    // The text names the card the cashier will see in the list, in both languages.
    expect(describe_(custom, 'zh-CN')).toContain(choice!.title)
    expect(describe_(custom, 'en')).toContain(choice!.title)
    const picked = await scan(t, custom.code, { cardId: TRAINING_CARD_IDS.custom })
    expect(picked.decision?.outcome).toBe(custom.expected)

    // A code WeChat does not know asks the same question first (it cannot be told from a custom code), then
    // is refused, as its text says.
    const unknown = rows.find((r) => r.key === 'UNKNOWN_CODE')!
    expect((await scan(t, unknown.code)).decision?.reasons.map((r) => r.code)).toEqual([
      'CUSTOM_CODE_CARD_NEEDED'
    ])
    const refused = await scan(t, unknown.code, { cardId: TRAINING_CARD_IDS.custom })
    expect(refused.decision?.outcome).toBe(unknown.expected)
    expect(refused.decision?.reasons.map((r) => r.code)).toContain('UNKNOWN_CODE')
  })
})
