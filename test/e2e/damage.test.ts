/**
 * Damage found while the station runs, end to end: a ledger big enough to take the quick open path, with an
 * index entry that no longer matches its row (only the full check sees that), served by the BUILT host. The
 * background check finds it, the browser shows the DAMAGED banner, and a write through the contract answers
 * DB_DAMAGED (docs/reliability.md § Database checks).
 */
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { FULL_CHECK_AT_OPEN_BYTES } from '../../src/main/db/integrity'
import { writeRedemption } from '../reports/support/ledger'
import { damageIndexEntry } from '../support/damage'
import { trainingStation } from '../support/station'
import { launchBrowser, screenshot } from './support/browser'
import { connectContract } from './support/contractClient'
import { startHostProcess, type HostProcess } from './support/host'

let host: HostProcess | undefined
let browser: Browser | undefined

afterAll(async () => {
  await browser?.close()
  await host?.stop()
})

describe('a database damaged under a running station', () => {
  it('shows the DAMAGED banner and refuses writes with DB_DAMAGED', async () => {
    const t = await trainingStation({ background: false })
    for (let i = 0; i < 150; i++)
      writeRedemption(
        t.station.db,
        { code: `5${String(i).padStart(11, '0')}`, card_title: '满100减10' },
        // Already synced: the sync worker leaves these rows alone (an update would rewrite the damaged entry).
        { status: 'synced' }
      )
    // Past the size up to which the open still runs the full check (a table the station does not know is
    // quick-checked at open like any small table).
    t.station.db.exec('CREATE TABLE e2e_filler (x BLOB)')
    t.station.db
      .prepare('INSERT INTO e2e_filler VALUES (zeroblob(?))')
      .run(FULL_CHECK_AT_OPEN_BYTES + 1_048_576)
    await t.station.close()
    damageIndexEntry(
      join(t.station.dataDir, 'training', 'station.db'),
      'redemptions_code_key_live',
      '500000000042'
    )

    host = await startHostProcess({ dataDir: t.station.dataDir })
    browser = await launchBrowser()
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    await page.goto(host.url)
    await expect.poll(() => page.getByTestId('training-banner').isVisible()).toBe(true)
    // The first background check runs 10 s after start and reads the whole file.
    const banner = page.getByTestId('damage-banner')
    await expect
      .poll(() => banner.isVisible(), { timeout: 90_000, interval: 500, message: host.output() })
      .toBe(true)
    expect(await banner.textContent()).toContain('数据库已损坏')
    await screenshot(page, 'damage-banner-zh-CN')

    const client = await connectContract(host)
    await client.value('staff.signIn', { staffId: t.manager.staffId, pin: '2468' })
    const refused = await client.call('staff.create', { name: '周杰', role: 'cashier', pin: '1234' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'DB_DAMAGED' } })
    expect(await client.value('db.ping')).toMatchObject({ integrity: 'damaged' })
    client.close()
    await page.close()
  }, 150_000)
})
