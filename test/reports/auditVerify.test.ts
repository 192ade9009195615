/**
 * `npm run audit:verify` through the built command (out/main/audit-verify.js, made by `npm run build`):
 * a changed, a deleted and a reordered entry are each found at the right entry with exit code 1; an intact
 * chain answers 0; a missing database 2. The command opens the file read-only: its bytes stay the same, and
 * it works while the station has the database open.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../src/main/db/open'
import { appendAudit } from '../../src/main/audit/audit'
import { writeMode } from '../../src/main/config/mode'
import { openStation } from '../../src/main/station/station'

const COMMAND = join(process.cwd(), 'out/main/audit-verify.js')

beforeAll(() => {
  if (!existsSync(COMMAND)) throw new Error(`${COMMAND} is missing: run \`npm run build\` first.`)
})

function verify(...args: string[]): { code: number | null; out: string } {
  const run = spawnSync(process.execPath, [COMMAND, ...args], { encoding: 'utf8' })
  return { code: run.status, out: `${run.stdout}${run.stderr}` }
}

/** A training database with `n` audit entries, closed again. */
function withChain(n: number, tamper?: (db: Db) => void): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'hexiao-audit-cli-'))
  const { db } = openDatabase(join(dataDir, 'training', 'station.db'))
  for (let i = 1; i <= n; i++)
    appendAudit(db, {
      at: 1_790_000_000_000 + i,
      actorId: 's1',
      actorName: '王店长',
      action: 'redemption.created',
      subject: `r${i}`,
      detail: { discountFen: i * 100 }
    })
  tamper?.(db)
  db.close()
  return dataDir
}

describe('audit:verify', () => {
  it('says the chain is intact and exits 0', () => {
    const result = verify('--data-dir', withChain(12))
    expect(result.code).toBe(0)
    expect(result.out).toMatch(/chain intact \(12 entries\)/)
  })

  it('finds a changed entry at that entry', () => {
    const dir = withChain(12, (db) =>
      db.prepare(`UPDATE audit_log SET detail_json = '{"discountFen":1}' WHERE id = 7`).run()
    )
    const result = verify('--data-dir', dir)
    expect(result.code).toBe(1)
    expect(result.out).toMatch(/BROKEN at entry 7 \(position 7\): its content was changed/)
  })

  it('finds a deleted entry where the gap is', () => {
    const result = verify(
      '--data-dir',
      withChain(12, (db) => db.prepare('DELETE FROM audit_log WHERE id = 5').run())
    )
    expect(result.code).toBe(1)
    expect(result.out).toMatch(/BROKEN at entry 6 .*entry 5 is missing/)
  })

  it('finds a deleted last entry through the head pointer', () => {
    const result = verify(
      '--data-dir',
      withChain(12, (db) => db.prepare('DELETE FROM audit_log WHERE id = 12').run())
    )
    expect(result.code).toBe(1)
    expect(result.out).toMatch(/BROKEN at entry 12/)
  })

  it('finds two reordered entries at the first of them', () => {
    const dir = withChain(12, (db) =>
      db.transaction(() => {
        const cols = 'at, actor_id, actor_name, action, subject, detail_json, prev_hash, hash'
        const a = db.prepare(`SELECT ${cols} FROM audit_log WHERE id = 3`).get() as Record<string, unknown>
        const b = db.prepare(`SELECT ${cols} FROM audit_log WHERE id = 4`).get() as Record<string, unknown>
        const put = db.prepare(
          `UPDATE audit_log SET at=@at, actor_id=@actor_id, actor_name=@actor_name, action=@action, subject=@subject,
             detail_json=@detail_json, prev_hash=@prev_hash, hash=@hash WHERE id=@id`
        )
        put.run({ ...b, id: 3 })
        put.run({ ...a, id: 4 })
      })()
    )
    const result = verify('--data-dir', dir)
    expect(result.code).toBe(1)
    expect(result.out).toMatch(/BROKEN at entry 3 .*does not link/)
  })

  it('reads the mode from mode.json unless --mode says otherwise, and exits 2 without a database', () => {
    const dir = withChain(3)
    writeMode(dir, 'live')
    const missing = verify('--data-dir', dir)
    expect(missing.code).toBe(2)
    expect(missing.out).toMatch(/No live database/)
    expect(verify('--data-dir', dir, '--mode', 'training').code).toBe(0)
    expect(verify('--data-dir', dir, '--mode', 'nonsense').code).toBe(2)
    expect(verify().code).toBe(2)
  })

  it('opens the database read-only, also while the station has it open', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hexiao-audit-cli-'))
    const station = openStation({ dataDir, runtime: 'node-host', mode: 'training', background: false })
    await station.services.staff.create({ name: '王店长', role: 'manager', pin: '2468' }, null)
    const file = join(dataDir, 'training', 'station.db')
    station.db.pragma('wal_checkpoint(TRUNCATE)')
    const before = createHash('sha256').update(readFileSync(file)).digest('hex')
    const result = verify('--data-dir', dataDir)
    expect(result.code).toBe(0)
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before)
    await station.close()
  })
})
