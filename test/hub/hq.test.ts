/**
 * HQ on the real hub (embedded PostgreSQL, real HTTP on loopback): sign-in with a session cookie, roles (a
 * regional viewer sees only its region and cannot enrol or revoke), lock-out after wrong passwords, enrolment
 * codes kept as hashes, the day view against the fixture's own figures, exports parsed back (CSV with BOM,
 * XLSX), and the chain WeChat token: single-flight across concurrent requests and two hub processes on one
 * database, counted at the sandbox WeChat server over real HTTP; the station's own token-service client uses it.
 */
import { chmodSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHub, type RunningHub } from '../../src/hub/hub'
import { enrolmentCodeHash } from '../../src/hub/hq/hqQueries'
import { LOCKOUT } from '../../src/hub/hq/hqAuth'
import { fingerprint } from '../../src/hub/hq/wechatToken'
import { startSandboxServer, type SandboxServer } from '../../src/main/upstream/sandbox'
import { TRAINING_APP_ID, TRAINING_APP_SECRET } from '../../src/main/upstream/sandbox/seed'
import { WechatCardClient } from '../../src/main/upstream/wechat/client'
import { HQ_PATHS, type DayView, type DuplicateView, type QuietView } from '../../src/shared/hub/hqProtocol'
import {
  DAY,
  DUPLICATE_CODE,
  chainDay,
  expectedTally,
  seedChain,
  tillToken,
  type SeedRedemption
} from './hqFixture'
import { hubDataDir, removeHubDataDirs } from './support'

const ADMIN = { login: 'zongbu', password: 'admin-pass-2026!' }
const VIEWER = { login: 'huadong', password: 'viewer-pass-2026!' }

const firstDir = hubDataDir()
let hub: RunningHub
let rows: SeedRedemption[]
const lines: string[] = []

beforeAll(async () => {
  hub = await startHub({ dataDir: firstDir, log: (l) => lines.push(l) })
  rows = await seedChain(hub.store.pool)
  await hub.hq.auth.addUser({ ...ADMIN, role: 'hq_admin', name: '总部管理员' })
  await hub.hq.auth.addUser({ ...VIEWER, role: 'regional_viewer', region: '华东', name: '华东区' })
}, 120_000)
afterAll(async () => {
  await hub?.stop()
  removeHubDataDirs()
})

interface Res {
  status: number
  json: any // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers
}

async function http(
  method: 'GET' | 'POST',
  path: string,
  options: {
    cookie?: string
    body?: unknown
    origin?: string
    base?: string
    headers?: Record<string, string>
  } = {}
): Promise<Res> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.cookie) headers.cookie = options.cookie
  if (options.origin) headers.origin = options.origin
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${options.base ?? hub.url}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {})
  })
  const text = await res.text()
  return { status: res.status, json: text.startsWith('{') ? JSON.parse(text) : text, headers: res.headers }
}

async function signIn(user: { login: string; password: string }): Promise<string> {
  const res = await http('POST', HQ_PATHS.session, { body: user })
  expect(res.status, JSON.stringify(res.json)).toBe(200)
  const setCookie = res.headers.get('set-cookie') ?? ''
  return setCookie.split(';')[0]!
}

describe('readiness', () => {
  it('GET /v1/ready answers 200 when the database answers, without a session', async () => {
    const res = await http('GET', HQ_PATHS.ready)
    expect(res.status).toBe(200)
    expect(res.json.value.database).toBe('up')
  })
})

describe('HQ sign-in', () => {
  it('gives an HttpOnly SameSite=Strict session cookie, keeps only its hash, and ends it at sign-out', async () => {
    const res = await http('POST', HQ_PATHS.session, { body: ADMIN })
    expect(res.status).toBe(200)
    expect(res.json.value.user).toEqual({
      login: ADMIN.login,
      name: '总部管理员',
      role: 'hq_admin',
      region: ''
    })
    const setCookie = res.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/^hx_hq=[A-Za-z0-9_-]{43};/)
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('SameSite=Strict')
    const cookie = setCookie.split(';')[0]!
    const token = cookie.split('=')[1]!
    const stored = await hub.store.pool.query<{ token_hash: Buffer }>('SELECT token_hash FROM hq_sessions')
    expect(stored.rows.some((r) => r.token_hash.toString('utf8').includes(token))).toBe(false)
    expect((await http('GET', HQ_PATHS.me, { cookie })).json.value.user.login).toBe(ADMIN.login)

    const out = await http('POST', HQ_PATHS.signOut, { cookie, body: {} })
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0')
    const after = await http('GET', HQ_PATHS.me, { cookie })
    expect(after.status).toBe(401)
    expect(after.json.error.code).toBe('SIGNED_OUT')
  })

  it('stores passwords as scrypt hashes with a salt of their own', async () => {
    const { rows: users } = await hub.store.pool.query<{ password_hash: string }>(
      'SELECT password_hash FROM hq_users ORDER BY login'
    )
    for (const u of users) expect(u.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/)
    expect(new Set(users.map((u) => u.password_hash.split('$')[4])).size).toBe(users.length)
  })

  it('refuses every HQ call without a session, and a cross-site sign-in', async () => {
    for (const path of [
      HQ_PATHS.day + `?date=${DAY}`,
      HQ_PATHS.quiet,
      HQ_PATHS.duplicates,
      HQ_PATHS.stores
    ]) {
      const res = await http('GET', path)
      expect(res.status, path).toBe(401)
      expect(res.json.error.code).toBe('SIGNED_OUT')
    }
    const forged = await http('POST', HQ_PATHS.session, { body: ADMIN, origin: 'https://evil.example' })
    expect(forged.status).toBe(403)
    expect(forged.headers.get('set-cookie')).toBeNull()
    // Behind a TLS proxy that passes the browser's host along, the page's own origin is accepted.
    const proxied = await http('POST', HQ_PATHS.session, {
      body: ADMIN,
      origin: 'https://hq.example.com',
      headers: { 'x-forwarded-host': 'hq.example.com', 'x-forwarded-proto': 'https' }
    })
    expect(proxied.status).toBe(200)
    expect(proxied.headers.get('set-cookie')).toContain('; Secure')
  })

  it(`locks an account after ${LOCKOUT.attempts} wrong passwords, even against the right one, then lets it in once the lock ends`, async () => {
    const victim = { login: 'fenbu', password: 'right-password-123' }
    await hub.hq.auth.addUser({ ...victim, role: 'regional_viewer', region: '西南' })
    for (let i = 1; i < LOCKOUT.attempts; i++) {
      const res = await http('POST', HQ_PATHS.session, {
        body: { login: victim.login, password: `wrong-${i}` }
      })
      expect(res.status).toBe(401)
      expect(res.json.error.code).toBe('SIGNIN_FAILED')
    }
    const last = await http('POST', HQ_PATHS.session, {
      body: { login: victim.login, password: 'wrong-last' }
    })
    expect(last.status).toBe(423)
    expect(last.json.error.code).toBe('LOCKED')
    expect(last.json.error.details.lockedUntil).toBeGreaterThan(Date.now() + LOCKOUT.lockMs - 60_000)
    const right = await http('POST', HQ_PATHS.session, { body: victim })
    expect(right.status).toBe(423)
    expect(right.headers.get('set-cookie')).toBeNull()
    // An unknown login answers like a wrong password (no way to probe which logins exist).
    const unknown = await http('POST', HQ_PATHS.session, {
      body: { login: 'nobody', password: 'whatever-123' }
    })
    expect(unknown.json.error.code).toBe('SIGNIN_FAILED')

    // The lock's end, brought forward in the database (the test does not wait 15 minutes).
    await hub.store.pool.query('UPDATE hq_users SET locked_until = $2 WHERE login = $1', [
      victim.login,
      Date.now() - 1
    ])
    expect((await http('POST', HQ_PATHS.session, { body: victim })).status).toBe(200)
    const { rows: state } = await hub.store.pool.query(
      'SELECT failed_attempts FROM hq_users WHERE login = $1',
      [victim.login]
    )
    expect(state[0].failed_attempts).toBe(0)
  })
})

describe('the day view, by role', () => {
  it('an HQ admin sees the whole chain: totals, stores, tills, cards and hours match the fixture', async () => {
    const cookie = await signIn(ADMIN)
    const res = await http('GET', `${HQ_PATHS.day}?date=${DAY}`, { cookie })
    expect(res.status).toBe(200)
    const view = res.json.value as DayView
    expect(view.totals).toEqual(expectedTally(rows))
    expect(view.stores.map((s) => s.storeId).sort()).toEqual(['cd-003', 'hz-002', 'sh-001', 'wlmq-004'])
    for (const s of view.stores)
      expect({ count: s.count, amountFen: s.amountFen, voided: s.voided }, s.storeId).toEqual(
        expectedTally(rows, (r) => r.storeId === s.storeId)
      )
    for (const t of view.tills)
      expect({ count: t.count, amountFen: t.amountFen, voided: t.voided }, t.tillId).toEqual(
        expectedTally(rows, (r) => r.tillId === t.tillId)
      )
    for (const c of view.cards)
      expect(c.count, c.cardId).toBe(expectedTally(rows, (r) => r.cardId === c.cardId).count)
    expect(view.hours.reduce((sum, h) => sum + h.count, 0)).toBe(view.totals.count)
    // Hours on the store's clock: the Urumqi store's 9:00 (UTC+6) is hour 9, not Shanghai's 11.
    const urumqi = await http('GET', `${HQ_PATHS.day}?date=${DAY}&store=wlmq-004`, { cookie })
    const wlmqRows = rows.filter((r) => r.storeId === 'wlmq-004' && r.status !== 'voided')
    const wlmqHours = new Set(wlmqRows.map((r) => new Date(r.redeemedAt + 6 * 3600_000).getUTCHours()))
    expect(new Set((urumqi.json.value as DayView).hours.map((h) => h.hour))).toEqual(wlmqHours)
  })

  it('a regional viewer sees only the stores of its region, and is refused another region’s store', async () => {
    const cookie = await signIn(VIEWER)
    const view = (await http('GET', `${HQ_PATHS.day}?date=${DAY}`, { cookie })).json.value as DayView
    const east = (r: SeedRedemption) => r.storeId === 'sh-001' || r.storeId === 'hz-002'
    expect(view.totals).toEqual(expectedTally(rows, east))
    expect(view.stores.map((s) => s.storeId).sort()).toEqual(['hz-002', 'sh-001'])
    const other = await http('GET', `${HQ_PATHS.day}?date=${DAY}&store=cd-003`, { cookie })
    expect(other.status).toBe(403)
    expect(other.json.error.code).toBe('FORBIDDEN')
    const quiet = (await http('GET', HQ_PATHS.quiet, { cookie })).json.value as QuietView
    expect(quiet.stores.map((s) => s.storeId).sort()).toEqual(['hz-002', 'sh-001'])
    const csv = await fetch(`${hub.url}${HQ_PATHS.exportCsv}?date=${DAY}`, { headers: { cookie } })
    const records = parseCsv((await csv.text()).replace(/^\uFEFF/, ''), { relax_quotes: true }) as string[][]
    expect(records.length - 1).toBe(rows.filter(east).length)
  })

  it('a bad date is a clear refusal', async () => {
    const cookie = await signIn(ADMIN)
    const res = await http('GET', `${HQ_PATHS.day}?date=2026-02-30`, { cookie })
    expect(res.status).toBe(400)
    expect(res.json.error.code).toBe('BAD_REQUEST')
  })
})

describe('quiet stores and duplicates', () => {
  it('names the store gone quiet, with its last event, contact and queue depth; the others are fine', async () => {
    const cookie = await signIn(ADMIN)
    const view = (await http('GET', `${HQ_PATHS.quiet}?minutes=60`, { cookie })).json.value as QuietView
    const quiet = view.stores.filter((s) => s.quiet)
    expect(quiet.map((s) => s.storeId)).toEqual(['wlmq-004'])
    expect(quiet[0]).toMatchObject({ queueDepth: 37, timeZone: 'Asia/Urumqi' })
    expect(view.checkedAt - quiet[0]!.lastSeenAt!).toBeGreaterThanOrEqual(5 * 3600_000)
    expect(view.stores[0]!.storeId).toBe('wlmq-004')
  })

  it('shows the cross-store duplicate with both stories, the code masked', async () => {
    const cookie = await signIn(ADMIN)
    const list = (await http('GET', HQ_PATHS.duplicates, { cookie })).json.value.duplicates as DuplicateView[]
    expect(list).toHaveLength(1)
    const d = list[0]!
    expect(d.codeMasked).toBe('0123****8905')
    expect(JSON.stringify(d)).not.toContain(DUPLICATE_CODE)
    expect(d.cardTitle).toBe('满100减20元券')
    expect(d.first).toMatchObject({
      storeName: '上海南京路店',
      tillName: '1号收银台',
      cashierName: '王芳',
      amountFen: 2000
    })
    expect(d.second).toMatchObject({
      storeName: '杭州西湖店',
      cashierName: '李强',
      amountFen: 2000,
      status: 'conflict'
    })
    // A viewer of 西南 sees neither store's duplicate.
    await hub.hq.auth.addUser({
      login: 'xinan',
      password: 'xinan-pass-2026',
      role: 'regional_viewer',
      region: '西南'
    })
    const other = await signIn({ login: 'xinan', password: 'xinan-pass-2026' })
    expect((await http('GET', HQ_PATHS.duplicates, { cookie: other })).json.value.duplicates).toEqual([])
  })
})

describe('till enrolment and revocation', () => {
  it('an admin makes a single-use code that the hub keeps only as a hash, valid 15 minutes', async () => {
    const cookie = await signIn(ADMIN)
    const res = await http('POST', HQ_PATHS.enrolmentCodes, { cookie, body: { storeId: 'cd-003' } })
    expect(res.status).toBe(200)
    const { code, expiresAt } = res.json.value as { code: string; expiresAt: number }
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    expect(expiresAt - Date.now()).toBeGreaterThan(14 * 60_000)
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(15 * 60_000)
    const { rows: stored } = await hub.store.pool.query<{
      code_hash: Buffer
      store_id: string
      used_at: null
    }>("SELECT code_hash, store_id, used_at FROM enrolment_codes WHERE store_id = 'cd-003'")
    expect(stored).toHaveLength(1)
    expect(stored[0]!.code_hash.equals(enrolmentCodeHash(code.toLowerCase().replaceAll('-', ' ')))).toBe(true)
    expect(JSON.stringify(stored)).not.toContain(code.replaceAll('-', ''))
    const view = (await http('GET', HQ_PATHS.stores, { cookie })).json.value.stores
    const cd = view.find((s: { storeId: string }) => s.storeId === 'cd-003')
    expect(cd.openCodes).toHaveLength(1)
    expect(JSON.stringify(view)).not.toContain(code)
  })

  it('a regional viewer can neither enrol nor revoke nor add a store; nothing changes', async () => {
    const cookie = await signIn(VIEWER)
    const before = await hub.store.pool.query('SELECT count(*)::int AS n FROM enrolment_codes')
    const enrol = await http('POST', HQ_PATHS.enrolmentCodes, { cookie, body: { storeId: 'sh-001' } })
    expect(enrol.status).toBe(403)
    expect(enrol.json.error.code).toBe('FORBIDDEN')
    const revoke = await http('POST', HQ_PATHS.revokeTill, { cookie, body: { tillId: 'sh-001-t2' } })
    expect(revoke.status).toBe(403)
    const store = await http('POST', HQ_PATHS.stores, {
      cookie,
      body: { storeId: 'x-1', name: '新店', region: '华东', timeZone: 'Asia/Shanghai' }
    })
    expect(store.status).toBe(403)
    expect((await hub.store.pool.query('SELECT count(*)::int AS n FROM enrolment_codes')).rows).toEqual(
      before.rows
    )
    const { rows: tills } = await hub.store.pool.query(
      "SELECT revoked_at FROM chain_tills WHERE till_id = 'sh-001-t2'"
    )
    expect(tills[0].revoked_at).toBeNull()
  })

  it('an admin adds a store (a bad time zone is refused) and revokes a till; its token stops at once', async () => {
    const cookie = await signIn(ADMIN)
    const bad = await http('POST', HQ_PATHS.stores, {
      cookie,
      body: { storeId: 'nj-005', name: '南京新街口店', region: '华东', timeZone: 'Mars/Olympus' }
    })
    expect(bad.status).toBe(400)
    const ok = await http('POST', HQ_PATHS.stores, {
      cookie,
      body: { storeId: 'nj-005', name: '南京新街口店', region: '华东', timeZone: 'Asia/Shanghai' }
    })
    expect(ok.status).toBe(200)
    const again = await http('POST', HQ_PATHS.stores, { cookie, body: { storeId: 'nj-005', name: '重复' } })
    expect(again.json.error.code).toBe('STORE_EXISTS')

    const revoked = await http('POST', HQ_PATHS.revokeTill, { cookie, body: { tillId: 'cd-003-t1' } })
    expect(revoked.status).toBe(200)
    const token = await fetch(`${hub.url}${HQ_PATHS.wechatToken}`, {
      headers: { authorization: `Bearer ${tillToken('cd-003-t1')}` }
    })
    expect(token.status).toBe(401)
    const unknown = await http('POST', HQ_PATHS.revokeTill, { cookie, body: { tillId: 'nope' } })
    expect(unknown.json.error.code).toBe('TILL_UNKNOWN')
  })
})

describe('exports of the day view', () => {
  it('CSV: UTF-8 with a BOM and CRLF, Chinese headers, every redemption, codes kept as text, store times', async () => {
    const cookie = await signIn(ADMIN)
    const res = await fetch(`${hub.url}${HQ_PATHS.exportCsv}?date=${DAY}&lang=zh-CN`, { headers: { cookie } })
    expect(res.headers.get('content-type')).toContain('text/csv')
    const bytes = Buffer.from(await res.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8').slice(1)
    expect(text).toContain('\r\n')
    const records = parseCsv(text, { relax_quotes: true }) as string[][]
    expect(records[0]).toEqual([
      '营业日',
      '门店',
      '收银台',
      '收银员',
      '核销时间（门店当地）',
      '卡券',
      '券码',
      '优惠金额（元）',
      '消费金额（元）',
      '状态'
    ])
    expect(records).toHaveLength(rows.length + 1)
    const dup = records.filter((r) => r[6] === `="${DUPLICATE_CODE}"`)
    expect(dup.map((r) => [r[1], r[3], r[4], r[7]])).toEqual(
      expect.arrayContaining([
        ['上海南京路店', '王芳', '2026-12-05 10:15:00', '20.00'],
        ['杭州西湖店', '李强', '2026-12-05 14:40:00', '20.00']
      ])
    )
    const total = records
      .slice(1)
      .reduce((sum, r) => sum + (r[9] === '已作废' ? 0 : Math.round(Number(r[7]) * 100)), 0)
    expect(total).toBe(expectedTally(rows).amountFen)
  })

  it('XLSX: a totals sheet and one row per redemption, amounts as numbers in yuan; English when asked', async () => {
    const cookie = await signIn(ADMIN)
    const res = await fetch(`${hub.url}${HQ_PATHS.exportXlsx}?date=${DAY}&store=sh-001&lang=en`, {
      headers: { cookie }
    })
    expect(res.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Totals', 'Redemptions'])
    const totals = workbook.getWorksheet('Totals')!
    const want = expectedTally(rows, (r) => r.storeId === 'sh-001')
    const line = totals.getRow(4)
    expect([1, 2, 3, 4, 5].map((c) => line.getCell(c).value)).toEqual([
      'Total',
      'All stores',
      want.count,
      want.amountFen / 100,
      want.voided
    ])
    const detail = workbook.getWorksheet('Redemptions')!
    expect(detail.rowCount - 1).toBe(rows.filter((r) => r.storeId === 'sh-001').length)
    expect(detail.getRow(1).getCell(1).value).toBe('Business date')
    const amounts = []
    for (let i = 2; i <= detail.rowCount; i++) amounts.push(detail.getRow(i).getCell(8).value)
    expect(amounts.every((a) => typeof a === 'number')).toBe(true)
  })
})

describe('the chain WeChat token', () => {
  let sandbox: SandboxServer
  let second: RunningHub
  const tokenCalls = () => sandbox.sandbox.stats().byPath['/cgi-bin/token'] ?? 0
  const ask = (base: string, tillId: string, rejected?: string) =>
    fetch(`${base}${HQ_PATHS.wechatToken}`, {
      headers: {
        authorization: `Bearer ${tillToken(tillId)}`,
        ...(rejected ? { 'x-hexiao-rejected-token-sha256': rejected } : {})
      }
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }))

  beforeAll(async () => {
    sandbox = await startSandboxServer()
    // A second hub process on the same database (--database-url), as behind a load balancer.
    const db = hub.database
    const url = `postgres://${db.user}:${encodeURIComponent(String(db.password))}@${db.host}:${db.port}/${db.database}`
    const dir = hubDataDir()
    second = await startHub({ dataDir: dir, databaseUrl: url, log: () => undefined })
    for (const d of [firstDir, dir])
      writeFileSync(
        join(d, 'wechat.json'),
        JSON.stringify({ appId: TRAINING_APP_ID, appSecret: TRAINING_APP_SECRET, apiBase: sandbox.url }),
        { mode: 0o600 }
      )
  }, 60_000)
  afterAll(async () => {
    await second?.stop()
    await sandbox?.close()
  })

  it("without the AppSecret file: 503 and nobody called; a wrong AppSecret: WeChat's errcode relayed, one call for a burst", async () => {
    const bareDir = hubDataDir()
    const db = hub.database
    const bare = await startHub({
      dataDir: bareDir,
      databaseUrl: `postgres://${db.user}:${encodeURIComponent(String(db.password))}@${db.host}:${db.port}/${db.database}`,
      log: () => undefined
    })
    try {
      const res = await ask(bare.url, 'sh-001-t1')
      expect(res.status).toBe(503)
      expect(res.body.errcode).toBe(-1)
      expect(tokenCalls()).toBe(0)
      const stranger = await fetch(`${bare.url}${HQ_PATHS.wechatToken}`, {
        headers: { authorization: 'Bearer nope' }
      })
      expect(stranger.status).toBe(401)
      writeFileSync(
        join(bareDir, 'wechat.json'),
        JSON.stringify({ appId: TRAINING_APP_ID, appSecret: 'not-the-secret', apiBase: sandbox.url }),
        { mode: 0o644 }
      )
      // Readable by other accounts: refused until chmod 600.
      expect((await ask(bare.url, 'sh-001-t1')).status).toBe(503)
      chmodSync(join(bareDir, 'wechat.json'), 0o600)
      const burst = await Promise.all(Array.from({ length: 8 }, () => ask(bare.url, 'sh-001-t1')))
      for (const b of burst) expect(b).toMatchObject({ status: 200, body: { errcode: 40125 } })
      expect(tokenCalls()).toBe(1)
      expect((await hub.store.pool.query('SELECT * FROM wechat_token')).rows).toEqual([])
    } finally {
      await bare.stop()
    }
  })

  it('40 concurrent requests on two hub processes cause exactly one cgi-bin/token call, and all get that token', async () => {
    const tills = ['sh-001-t1', 'sh-001-t2', 'hz-002-t1', 'wlmq-004-t1']
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => ask(i % 2 ? second.url : hub.url, tills[i % tills.length]!))
    )
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200))
    expect(tokenCalls()).toBe(2) // the wrong-secret call above, and this one
    const tokens = new Set(answers.map((a) => a.body.access_token))
    expect(tokens.size).toBe(1)
    for (const a of answers) expect(a.body.expires_in).toBeGreaterThan(7000)
    // The AppSecret is never in an answer, nor in the hub's log.
    expect(JSON.stringify(answers)).not.toContain(TRAINING_APP_SECRET)
    expect(lines.join('\n')).not.toContain(TRAINING_APP_SECRET)
  })

  it('a token reported rejected by many tills at once on both processes is renewed once, never handed back', async () => {
    const { rows: before } = await hub.store.pool.query('SELECT access_token FROM wechat_token')
    const old = before[0].access_token as string
    // Fetched a minute ago (the hub renews a rejected token at most every 30 s).
    await hub.store.pool.query('UPDATE wechat_token SET fetched_at = fetched_at - 60000')
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => ask(i % 2 ? second.url : hub.url, 'sh-001-t1', fingerprint(old)))
    )
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200))
    expect(tokenCalls()).toBe(3)
    const renewed = new Set(answers.map((a) => a.body.access_token))
    expect(renewed.size).toBe(1)
    expect(renewed.has(old)).toBe(false)
    // Right after, the same report is not a reason to call WeChat again: 503 with Retry-After.
    const { rows: now } = await hub.store.pool.query('SELECT access_token FROM wechat_token')
    const soon = await ask(hub.url, 'sh-001-t1', fingerprint(now[0].access_token as string))
    expect(soon.status).toBe(503)
    expect(tokenCalls()).toBe(3)
  })

  it("the station's own token-service client lists the account's cards with the hub's token", async () => {
    const client = new WechatCardClient({
      credentials: {
        kind: 'tokenService',
        url: `${hub.url}${HQ_PATHS.wechatToken}`,
        stationKey: tillToken('hz-002-t1')
      },
      baseUrl: sandbox.url
    })
    const ids = await client.listCardIds()
    expect(ids.length).toBeGreaterThan(0)
    expect(tokenCalls()).toBe(3)
  })
})

// Keep the fixture's list honest: the planted duplicate is two different stores.
it('the fixture plants one cross-store duplicate', () => {
  const dup = chainDay().filter((r) => r.code === DUPLICATE_CODE)
  expect(new Set(dup.map((r) => r.storeId)).size).toBe(2)
})
