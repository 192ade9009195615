/**
 * The station's backups: at every day close, on a schedule (every `intervalHours`, default 4) and on demand;
 * kept `keepDays` (default 14) but never fewer than the newest three, whatever their age — a station that was
 * switched off for a month must still have something to restore. One backup runs at a time.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { StationMode } from '../../shared/ipc/types'
import type { BackupReason, BackupResultView, BackupSettings, BackupView } from '../../shared/reports'
import type { Db } from '../db/open'
import { readSetting, writeSetting } from '../db/settings'
import { readStoreProfile } from '../config/storeProfile'
import { BackupCopyDamaged, takeBackup } from './backup'
import { backupsDir, listBackups } from './files'

export const BackupSettingsSchema = z
  .object({
    intervalHours: z.number().int().min(1).max(24),
    keepDays: z.number().int().min(1).max(365)
  })
  .strict()

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { intervalHours: 4, keepDays: 14 }
const KEY = 'backup.settings'
const MIN_KEPT = 3
/** After start, the first scheduled backup waits this long so it never competes with opening the till. */
const START_DELAY_MS = 60_000
const DAY_MS = 86_400_000

export interface BackupServiceOptions {
  db: Db
  dataDir: string
  mode: StationMode
  now?: () => number
  log?: (line: string) => void
  /** A copy failed its integrity check: the live file may be damaged (the Station runs its full check). */
  onCopyDamaged?: () => void
}

export class BackupService {
  readonly dir: string
  private readonly now: () => number
  private timer: NodeJS.Timeout | null = null
  private running: Promise<BackupResultView> | null = null
  private stopped = true

  constructor(private readonly options: BackupServiceOptions) {
    this.dir = backupsDir(options.dataDir, options.mode)
    this.now = options.now ?? Date.now
  }

  settings(): BackupSettings {
    const parsed = BackupSettingsSchema.safeParse(readSetting(this.options.db, KEY))
    return parsed.success ? parsed.data : DEFAULT_BACKUP_SETTINGS
  }

  setSettings(settings: BackupSettings): BackupSettings {
    writeSetting(this.options.db, KEY, BackupSettingsSchema.parse(settings), this.now())
    if (!this.stopped) this.schedule()
    return this.settings()
  }

  list(): BackupView[] {
    return listBackups(this.dir, readStoreProfile(this.options.db).timeZone)
  }

  /** When the schedule takes the next backup: the newest backup + the interval (now if none). */
  nextDueAt(): number {
    const newest = this.list()[0]
    return newest ? newest.at + this.settings().intervalHours * 3_600_000 : this.now()
  }

  /** Takes a backup now (waits for one already running), prunes, and answers without throwing. */
  async take(reason: BackupReason): Promise<BackupResultView> {
    while (this.running) await this.running
    const run = (async (): Promise<BackupResultView> => {
      try {
        const taken = await takeBackup(this.options.db, this.dir, reason, this.uniqueNow())
        this.prune()
        const backup = this.list().find((b) => b.file === taken.file)
        if (!backup) return { ok: false, error: `the backup ${taken.file} vanished after it was written` }
        return { ok: true, backup }
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err)
        this.options.log?.(`[backup] ${error}`)
        if (err instanceof Error && err.cause instanceof BackupCopyDamaged) this.options.onCopyDamaged?.()
        return { ok: false, error }
      }
    })()
    this.running = run
    try {
      return await run
    } finally {
      this.running = null
    }
  }

  /** Deletes backups older than keepDays (never the newest MIN_KEPT) and leftovers of failed runs. */
  prune(): string[] {
    const cutoff = this.now() - this.settings().keepDays * DAY_MS
    const removed: string[] = []
    this.list()
      .slice(MIN_KEPT)
      .filter((b) => b.at < cutoff)
      .forEach((b) => {
        rmSync(join(this.dir, b.file), { force: true })
        removed.push(b.file)
      })
    if (existsSync(this.dir)) {
      for (const name of readdirSync(this.dir)) {
        const file = join(this.dir, name)
        if (name.endsWith('.partial') && statSync(file).mtimeMs < this.now() - DAY_MS)
          rmSync(file, { force: true })
      }
    }
    return removed
  }

  start(): void {
    this.stopped = false
    this.schedule()
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.running) await this.running
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer)
    const wait = Math.max(this.nextDueAt() - this.now(), START_DELAY_MS)
    // A timer beyond 2^31 ms would fire at once; the interval is at most a day anyway.
    this.timer = setTimeout(() => void this.tick(), Math.min(wait, DAY_MS))
    this.timer.unref()
  }

  /** The schedule's step: a backup when one is due, else nothing. */
  async runIfDue(): Promise<BackupResultView | null> {
    return this.nextDueAt() <= this.now() ? this.take('schedule') : null
  }

  private async tick(): Promise<void> {
    this.timer = null
    if (this.stopped || !this.options.db.open) return
    await this.runIfDue()
    if (!this.stopped && this.options.db.open) this.schedule()
  }

  /** Two backups within one millisecond would share a name. */
  private uniqueNow(): number {
    const newest = this.list()[0]
    const now = this.now()
    return newest && newest.at >= now ? newest.at + 1 : now
  }
}
