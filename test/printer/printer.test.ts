/**
 * The receipt printer with real bytes: a network printer as a TCP server on loopback and a serial printer on
 * a socat pty pair, both answering DLE EOT status and decoding what they received back into text lines and
 * commands (GB18030 Chinese, the QR of the redemption id). Paper out, cover open and offline come from the
 * fake printer's status answers; a redemption is answered while the printer hangs.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  printerConfigSchema,
  type PrintJobView,
  type PrinterConfigInput,
  type PrinterStatus
} from '../../src/shared/printer'
import { createDispatcher } from '../../src/main/ipc/dispatcher'
import { trainingSeed } from '../../src/main/upstream/sandbox'
import { sampleRow } from '../support/rows'
import { trainingStation, type TestStation } from '../support/station'
import { pollUntil, startSocatPair, type SocatPair } from '../devices/support/socatPair'
import { decodeEscPos } from './escposDecode'
import { FakeNetworkPrinter, FakeSerialPrinter } from './fakePrinter'

let t: TestStation
const jobs: PrintJobView[] = []
const statuses: PrinterStatus[] = []
const net = new FakeNetworkPrinter()

const configure = (config: PrinterConfigInput | null) =>
  t.station.handlers['printer.config.set'](
    { config: config === null ? null : printerConfigSchema.parse(config) },
    { session: managerSession(), actor: t.manager }
  )
const managerSession = () => {
  const s = Object.create(t.session) as typeof t.session
  return Object.assign(s, { staff: t.manager })
}
const jobDone = async (id: number): Promise<PrintJobView> => {
  await pollUntil(`print job ${id} to finish`, () => {
    const j = t.station.services.printer.job(id)
    return (j?.state === 'printed' || j?.state === 'failed') && net.idle()
  })
  return t.station.services.printer.job(id)!
}
const networkConfig = (extra: Partial<PrinterConfigInput> = {}): PrinterConfigInput => ({
  connection: { kind: 'network', host: '127.0.0.1', port: net.port },
  paperWidth: 80,
  ...extra
})

beforeAll(async () => {
  t = await trainingStation({ printerPollMs: 0 })
  t.station.services.printer.start()
  t.station.events.onAny((event, payload) => {
    if (event === 'printer.job') jobs.push(payload as PrintJobView)
    if (event === 'printer.status') statuses.push(payload as PrinterStatus)
  })
  await net.start()
})
afterAll(async () => {
  await t.station.close()
  await net.stop()
})
afterEach(() => {
  net.state = 'ready'
})

let codes = 0
function recordRedemption(overrides: Parameters<typeof sampleRow>[0] = {}) {
  codes += 1
  const row = sampleRow({ code: `8800000${String(codes).padStart(5, '0')}`, ...overrides })
  t.station.services.ledger.recordRedemption(row)
  return row
}

describe('a network printer (raw TCP 9100) on loopback', () => {
  it('prints a redemption slip: GB18030 Chinese, store time, masked code, QR of the redemption id', async () => {
    configure(networkConfig())
    const row = recordRedemption({
      code: '123456789012',
      card_title: '满100减10 代金券',
      at: Date.UTC(2026, 10, 22, 6, 5, 9)
    })
    const job = t.station.handlers['printer.slip'](
      { redemptionId: row.id },
      { session: t.session, actor: t.cashier }
    ) as PrintJobView
    expect(job).toMatchObject({ kind: 'slip', reprint: false, state: 'queued' })
    expect(await jobDone(job.id)).toMatchObject({ state: 'printed', failure: null })

    const paper = decodeEscPos(net.printed().at(-1)!)
    // It asked the printer's state before printing: printer status, then the paper sensor.
    expect(paper.statusQueries.slice(0, 2)).toEqual([1, 4])
    expect(paper.commands).toContainEqual({ op: 'chineseMode', on: true })
    expect(paper.text).toContain('核销凭证')
    expect(paper.text).toContain('*** 培训练习 · 非真实核销 ***')
    const line = (label: string) => paper.text.find((l) => l.startsWith(label))
    expect(line('门店')).toMatch(/^门店 +培训门店$/)
    expect(line('收银员')).toMatch(/李娜$/)
    // 06:05:09 UTC is 14:05:09 in Shanghai, the training store's zone.
    expect(line('时间')).toMatch(/2026-11-22 14:05:09$/)
    expect(paper.text).toContain('满100减10 代金券')
    expect(line('券面优惠')).toMatch(/10\.00 元$/)
    expect(line('消费金额')).toMatch(/120\.00 元$/)
    expect(line('应付金额')).toMatch(/110\.00 元$/)
    expect(line('券码')).toMatch(/ \*{8}9012$/)
    expect(paper.text.join('\n')).not.toContain('123456789012')
    expect(paper.qr).toEqual([row.id])
    expect(paper.commands.find((c) => c.op === 'qr')).toMatchObject({ model: 2, correction: 'M' })
    expect(paper.text).toContain(`核销编号: ${row.id}`)
    expect(paper.commands.at(-1)).toMatchObject({ op: 'cut' })
    // Every line fits 48 columns of 80 mm paper (a CJK character takes two).
    for (const l of paper.lines) {
      const cols = [...l.text].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) * l.width
      expect(cols, l.text).toBeLessThanOrEqual(48)
    }
  })

  it('marks a second paper of the same slip 重印 and writes it to the audit log', async () => {
    const row = recordRedemption()
    const first = t.station.services.printer.printSlip(row.id, t.cashier)
    expect((await jobDone(first.id)).state).toBe('printed')
    const again = t.station.handlers['printer.slip'](
      { redemptionId: row.id },
      { session: t.session, actor: t.cashier }
    ) as PrintJobView
    expect(again.reprint).toBe(true)
    expect((await jobDone(again.id)).state).toBe('printed')
    const paper = decodeEscPos(net.printed().at(-1)!)
    expect(paper.text).toContain('【重印】')
    expect(paper.text.some((l) => /^重印 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(l))).toBe(true)
    const audit = t.station.db
      .prepare(
        `SELECT action, subject, detail_json AS detail FROM audit_log WHERE action = 'print.reprinted' ORDER BY id DESC`
      )
      .get() as { subject: string; detail: string }
    expect(audit.subject).toBe(row.id)
    expect(JSON.parse(audit.detail)).toMatchObject({
      kind: 'slip',
      code: expect.stringMatching(/^\*{8}\d{4}$/)
    })
  })

  it('paper out: the job fails with the reason, the status says so, and it prints once paper is back', async () => {
    const row = recordRedemption()
    net.state = 'paperOut'
    const job = t.station.services.printer.printSlip(row.id, t.cashier)
    expect(await jobDone(job.id)).toMatchObject({ state: 'failed', failure: 'paperOut' })
    expect(t.station.services.printer.status().state).toBe('paperOut')
    expect(statuses.at(-1)?.state).toBe('paperOut')
    expect(t.station.services.printer.overview().unprinted.map((j) => j.id)).toContain(job.id)
    // Nothing but status queries reached the printer for that job.
    expect(decodeEscPos(net.sessions.at(-1)!).lines).toEqual([])

    net.state = 'ready'
    expect((await t.station.services.printer.checkNow()).state).toBe('ready')
    const retry = t.station.handlers['printer.retry'](
      { jobId: job.id },
      { session: t.session, actor: t.cashier }
    ) as PrintJobView
    // Never printed before: the paper the customer gets is the first, not a reprint.
    expect(retry.reprint).toBe(false)
    expect((await jobDone(retry.id)).state).toBe('printed')
    expect(decodeEscPos(net.printed().at(-1)!).qr).toEqual([row.id])
  })

  it('cover open and a printer that stops answering are told apart', async () => {
    net.state = 'coverOpen'
    expect((await t.station.services.printer.checkNow()).state).toBe('coverOpen')
    net.state = 'paperLow'
    expect((await t.station.services.printer.checkNow()).state).toBe('paperLow')
    net.state = 'error'
    expect((await t.station.services.printer.checkNow()).state).toBe('error')
    net.state = 'silent'
    const silent = await t.station.services.printer.checkNow()
    expect(silent).toMatchObject({ state: 'offline', detail: 'no status answer' })
  })

  it('offline: nothing listening on the port fails the job as offline, kept for reprint', async () => {
    const closed = new FakeNetworkPrinter()
    await closed.start()
    const port = closed.port
    await closed.stop()
    configure(networkConfig({ connection: { kind: 'network', host: '127.0.0.1', port } }))
    const row = recordRedemption()
    const job = t.station.services.printer.printSlip(row.id, t.cashier)
    const done = await jobDone(job.id)
    expect(done).toMatchObject({ state: 'failed', failure: 'offline' })
    expect(done.detail).toMatch(/ECONNREFUSED/)
    configure(networkConfig())
  })

  it('a redemption is answered while the printer hangs; the slip waits in the queue', async () => {
    configure(networkConfig({ slipMode: 'auto' }))
    net.state = 'silent' // connects, never answers: the job waits out its status deadline
    await t.station.services.cards.refresh()
    const code = trainingSeed(Date.now()).scenarios.find((s) => s.key === 'CASH_NO_THRESHOLD')!.code
    const view = await t.station.services.redemptions.lookup(
      { source: 'manual', device: 'manual', raw: code },
      t.cashier,
      t.session.id
    )
    const before = jobs.length
    const result = await t.station.handlers['redeem.commit'](
      { lookupId: view.lookupId, otherDiscount: false, confirmWarnings: false },
      { session: t.session, actor: t.cashier }
    )
    expect(result.redemption.status).toBe('synced')
    const slip = jobs.slice(before).find((j) => j.kind === 'slip' && j.subject === result.redemption.id)
    expect(slip).toBeDefined()
    // Answered before the printer said anything: the slip's job has not finished.
    expect(['queued', 'printing']).toContain(t.station.services.printer.job(slip!.id)!.state)
    expect(await jobDone(slip!.id)).toMatchObject({ state: 'failed', failure: 'offline' })
  })

  it('ask and never: no slip by itself', async () => {
    for (const slipMode of ['ask', 'never'] as const) {
      configure(networkConfig({ slipMode }))
      const row = recordRedemption()
      expect(t.station.services.printer.afterRedemption(row.id, false)).toBeNull()
    }
    configure(networkConfig())
  })

  it('refuses a bad configuration and printing without a printer, with codes the screens know', async () => {
    // Checked once, by the contract's schema (src/shared/printer.ts), before any handler runs.
    const refused = await createDispatcher(t.station.handlers)(
      'printer.config.set',
      { config: { connection: { kind: 'network', host: '', port: 9100 } } },
      managerSession()
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    configure(null)
    expect(() => t.station.services.printer.printTest()).toThrow(
      expect.objectContaining({ code: 'PRINTER_NOT_CONFIGURED' })
    )
    configure(networkConfig())
  })

  it('prints a Z report of a closed day', async () => {
    recordRedemption({
      business_day: '2026-11-21',
      at: Date.UTC(2026, 10, 21, 3, 0),
      card_title: '周末八折券'
    })
    const closed = await t.station.handlers['reports.closeDay'](
      { businessDay: '2026-11-21', confirmEarly: true },
      { session: managerSession(), actor: t.manager }
    )
    const num = closed.report.body.number
    const job = t.station.handlers['printer.zreport'](
      { number: num },
      { session: managerSession(), actor: t.manager }
    ) as PrintJobView
    expect((await jobDone(job.id)).state).toBe('printed')
    const paper = decodeEscPos(net.printed().at(-1)!)
    expect(paper.text).toContain(`日结 Z 报表 #${num}`)
    expect(paper.text.find((l) => l.startsWith('营业日'))).toMatch(/2026-11-21$/)
    expect(paper.text).toContain('周末八折券')
    expect(paper.text.find((l) => l.startsWith('笔数'))).toMatch(/ 1$/)
    expect(paper.text.find((l) => l.startsWith('日结人'))).toMatch(/王店长$/)
  })
})

describe('a serial printer on a socat pty pair', () => {
  let pair: SocatPair
  const printer = new FakeSerialPrinter()
  beforeAll(async () => {
    pair = await startSocatPair(mkdtempSync(join(tmpdir(), 'hexiao-printer-pty-')))
    await printer.start(pair.hostSide)
  })
  afterAll(async () => {
    await printer.stop()
    await pair?.stop()
  })

  it('prints the test page on 58 mm paper and answers status over the same wire', async () => {
    configure({ connection: { kind: 'serial', path: pair.scannerSide, baudRate: 9600 }, paperWidth: 58 })
    printer.clear()
    const job = t.station.handlers['printer.test'](undefined, {
      session: managerSession(),
      actor: t.manager
    }) as PrintJobView
    expect((await jobDone(job.id)).state).toBe('printed')
    await pollUntil('the cut to arrive', () => printer.received().includes(Buffer.from([0x1d, 0x56])))
    const paper = decodeEscPos(printer.received())
    expect(paper.text).toContain('打印测试页')
    expect(paper.text).toContain('中文 GB18030：核销凭证 ￥ 收银台')
    expect(paper.text).toContain('中'.repeat(16))
    expect(paper.text.find((l) => l.startsWith('纸宽'))).toMatch(/58 mm \/ 32$/)
    expect(paper.qr).toEqual(['HEXIAO-TEST'])
  })

  it('cover open on the serial printer fails the slip with that reason', async () => {
    printer.state = 'coverOpen'
    const row = recordRedemption()
    const job = t.station.services.printer.printSlip(row.id, t.cashier)
    expect(await jobDone(job.id)).toMatchObject({ state: 'failed', failure: 'coverOpen' })
    printer.state = 'ready'
  })
})
