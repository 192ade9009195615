/**
 * Restores on real files: a manager's restore while the station runs (confirmed by typing the backup's
 * date; the file in use moved aside, never deleted; the same handlers and event bus keep working), and the
 * start on a deliberately corrupted database: the host refuses with the latest good backup and the command,
 * the restore command puts it back, and the station opens again.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { describeStartFailure } from '../../src/main/backup/recovery'
import { runRestoreCli } from '../../src/main/backup/restoreCommand'
import { createDispatcher } from '../../src/main/ipc/dispatcher'
import { Session } from '../../src/main/ipc/session'
import { verifyAuditChain } from '../../src/main/audit/audit'
import { openStation, type Station } from '../../src/main/station/station'
import type { BackupResultView, BackupsOverview, DayReport, RestoreResult } from '../../src/shared/reports'
import type { Result } from '../../src/shared/result'
import { writeRedemption } from '../reports/support/ledger'
import { trainingStation } from '../support/station'
import { scribble } from './support'

const stations: Station[] = []
afterEach(async () => {
  for (const s of stations.splice(0)) await s.close()
})

const count = (db: Database.Database) =>
  (db.prepare('SELECT count(*) AS n FROM redemptions').get() as { n: number }).n

async function managerCalls() {
  const t = await trainingStation({ background: false })
  stations.push(t.station)
  const dispatch = createDispatcher(t.station.handlers)
  const session = new Session('test')
  session.signIn(t.manager)
  const call = async <T>(channel: string, request?: unknown): Promise<T> => {
    const result = (await dispatch(channel, request, session)) as Result<T>
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
    return result.value
  }
  return { ...t, call }
}

describe("a manager's restore while the station runs", () => {
  it('needs the backup date typed, moves the file in use aside and keeps every channel working', async () => {
    const { station, call } = await managerCalls()
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
    writeRedemption(station.db, { code: '100000000001', at: Date.now(), business_day: today })
    const taken = await call<BackupResultView>('backups.create')
    if (!taken.ok) throw new Error(taken.error)
    writeRedemption(station.db, { code: '100000000002', at: Date.now(), business_day: today })
    const heard: string[] = []
    station.events.onAny((event) => heard.push(event))

    await expect(
      call('backups.restore', { file: taken.backup.file, confirmDate: '1999-01-01' })
    ).rejects.toMatchObject({
      code: 'CONFIRMATION_MISMATCH'
    })
    expect(count(station.db)).toBe(2) // nothing changed

    const oldDb = station.db
    const restored = await call<RestoreResult>('backups.restore', {
      file: taken.backup.file,
      confirmDate: taken.backup.confirmDate
    })
    expect(oldDb.open).toBe(false)
    expect(station.db).not.toBe(oldDb)
    expect(count(station.db)).toBe(1)
    // The file that was in use is kept, with the redemption the backup lacks.
    expect(restored.movedAsideTo).not.toBeNull()
    const aside = new Database(restored.movedAsideTo ?? '', { readonly: true })
    expect(count(aside)).toBe(2)
    aside.close()
    // The same dispatcher now answers from the restored database; the restore is audited there.
    const day = await call<DayReport>('reports.day', { from: today, to: today })
    expect(day.totals.count).toBe(1)
    const audit = station.db.prepare(`SELECT subject FROM audit_log WHERE action = 'backup.restored'`).all()
    expect(audit).toEqual([{ subject: taken.backup.file }])
    expect(verifyAuditChain(station.db).ok).toBe(true)
    // Events of the reopened services still reach the transports' bus.
    const pending = station.db.prepare(`SELECT id FROM redemptions WHERE status = 'pending'`).get() as {
      id: string
    }
    await station.services.sync.sendNow(pending.id, 10_000) // the reopened worker settles it and says so
    expect(heard).toContain('redemption.updated')

    // A second restore works on the reopened station too.
    const overview = await call<BackupsOverview>('backups.overview')
    expect(overview.backups.map((b) => b.file)).toContain(taken.backup.file)
    await call<RestoreResult>('backups.restore', {
      file: taken.backup.file,
      confirmDate: taken.backup.confirmDate
    })
    expect(count(station.db)).toBe(1)
    expect(
      readdirSync(join(station.dataDir, 'training', 'replaced')).filter((f) => f.endsWith('.db'))
    ).toHaveLength(2)
  })
})

describe('a corrupted database on start', () => {
  async function corruptWithBackup() {
    const { station, call } = await managerCalls()
    for (let i = 0; i < 300; i++)
      writeRedemption(station.db, {
        code: `3${String(i).padStart(11, '0')}`,
        card_title: '满100减10 '.repeat(30)
      })
    const taken = await call<BackupResultView>('backups.create')
    if (!taken.ok) throw new Error(taken.error)
    await station.close()
    stations.splice(stations.indexOf(station), 1)
    const file = join(station.dataDir, 'training', 'station.db')
    scribble(file)
    return { dataDir: station.dataDir, file, backup: taken.backup.file }
  }

  it('refuses to start, names the latest good backup, and starts again after the restore command', async () => {
    const { dataDir, file, backup } = await corruptWithBackup()
    const damaged = readFileSync(file)
    let failure: unknown
    try {
      openStation({ dataDir, runtime: 'node-host', mode: 'training', background: false })
    } catch (err) {
      failure = err
    }
    expect(failure).toMatchObject({ code: 'DB_CORRUPT' })
    const advice = describeStartFailure(failure)
    expect(advice).toContain(backup)
    expect(advice).toContain(`npm run restore -- --data-dir "${dataDir}" --mode training --backup latest`)

    const out: string[] = []
    const code = runRestoreCli(['--data-dir', dataDir, '--backup', 'latest'], {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      now: Date.now
    })
    expect(code).toBe(0)
    expect(out.join('\n')).toContain(`Restored ${backup}`)
    const station = openStation({ dataDir, runtime: 'node-host', mode: 'training', background: false })
    stations.push(station)
    expect(count(station.db)).toBe(300)
    const replaced = readdirSync(join(dataDir, 'training', 'replaced')).filter((f) => f.endsWith('.db'))
    expect(replaced).toHaveLength(1)
    expect(readFileSync(join(dataDir, 'training', 'replaced', replaced[0] ?? '')).equals(damaged)).toBe(true)
  })

  it('the restore command lists backups and refuses bad usage', async () => {
    const { dataDir, backup } = await corruptWithBackup()
    const out: string[] = []
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l), now: Date.now }
    expect(runRestoreCli(['--data-dir', dataDir, '--list'], io)).toBe(0)
    expect(out.join('\n')).toMatch(new RegExp(`${backup}.*ok`))
    expect(runRestoreCli([], io)).toBe(2)
    expect(runRestoreCli(['--data-dir', dataDir, '--backup', 'station-nope.db'], io)).toBe(1)
  })

  it('the built host exits with the advice instead of serving a damaged ledger', async () => {
    const host = join(process.cwd(), 'out/main/host.js')
    if (!existsSync(host)) throw new Error(`${host} is missing: run \`npm run build\` first.`)
    const { dataDir, backup } = await corruptWithBackup()
    const child = spawn(process.execPath, [host, '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout.on('data', (c: Buffer) => (output += c.toString()))
    child.stderr.on('data', (c: Buffer) => (output += c.toString()))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(code).toBe(1)
    expect(output).toMatch(/damaged|failed its integrity check/)
    expect(output).toContain(backup)
    expect(output).toContain('npm run restore')
  })
})
