/**
 * Electron start-up on a damaged database (a thin adapter over src/main/backup): instead of only failing,
 * the manager is offered the latest backup that passes its integrity check. Restoring moves the damaged file
 * aside (never deletes it), copies the backup in and opens the station again; the restore is audited.
 */
import { dialog } from 'electron'
import { createTranslator, LANGUAGES, type Translate } from '../../shared/i18n'
import { DEFAULT_TIME_ZONE, formatLocal } from '../../shared/time'
import { corruptStart, describeStartFailure } from '../backup/recovery'
import { restoreDatabaseFile } from '../backup/restore'
import { appendAudit } from '../audit/audit'
import type { Station } from '../station/station'

// Before the store is open nobody has chosen a language: the dialog says everything in both, from the catalogue.
const WORDS: readonly Translate[] = LANGUAGES.map(createTranslator)
const both = (key: string, params?: Record<string, unknown>, join = ' '): string =>
  WORDS.map((t) => t(key, params)).join(join)
const TITLE = both('app.name')

export function openWithRecovery(open: () => Station): Station | null {
  try {
    return open()
  } catch (err) {
    const corrupt = corruptStart(err)
    if (!corrupt?.latest) {
      dialog.showErrorBox(TITLE, describeStartFailure(err))
      return null
    }
    const backup = corrupt.latest
    const when = formatLocal(backup.at, DEFAULT_TIME_ZONE, 'yyyy-LL-dd HH:mm')
    const choice = dialog.showMessageBoxSync({
      type: 'error',
      title: TITLE,
      message: both('startup.damaged.message'),
      detail: [
        corrupt.message,
        '',
        both('startup.damaged.latestBackup', { at: when }, '\n'),
        backup.file,
        '',
        both('startup.damaged.movedAside', undefined, '\n')
      ].join('\n'),
      buttons: [both('startup.damaged.restore'), both('startup.damaged.quit')],
      defaultId: 0,
      cancelId: 1
    })
    if (choice !== 0) return null
    try {
      const done = restoreDatabaseFile(corrupt.dataDir, corrupt.mode, backup.file, Date.now())
      const station = open()
      appendAudit(station.db, {
        at: Date.now(),
        actorId: null,
        actorName: null,
        action: 'backup.restored',
        subject: backup.file,
        detail: { backup: backup.file, backupAt: backup.at, movedAsideTo: done.movedAsideTo, onStart: true }
      })
      return station
    } catch (again) {
      dialog.showErrorBox(TITLE, describeStartFailure(again))
      return null
    }
  }
}
