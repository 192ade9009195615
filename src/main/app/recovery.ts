/**
 * Electron start-up on a damaged database (a thin adapter over src/main/backup): instead of only failing,
 * the manager is offered the latest backup that passes its integrity check. Restoring moves the damaged file
 * aside (never deletes it), copies the backup in and opens the station again; the restore is audited.
 */
import { dialog } from 'electron'
import { DEFAULT_TIME_ZONE, formatLocal } from '../../shared/time'
import { corruptStart, describeStartFailure } from '../backup/recovery'
import { restoreDatabaseFile } from '../backup/restore'
import { appendAudit } from '../audit/audit'
import type { Station } from '../station/station'

const TITLE = '核销台 Hexiao Station'

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
      message: '数据库已损坏，无法启动。The station database is damaged.',
      detail: `${corrupt.message}\n\n最新的完好备份 / Latest good backup: ${when}\n${backup.file}\n\n损坏的文件会移到一旁保存，不会删除；备份之后的核销需要与微信核对。\nThe damaged file is moved aside, not deleted; redemptions after the backup must be checked against WeChat.`,
      buttons: ['恢复此备份 Restore this backup', '退出 Quit'],
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
