/**
 * Electron's side of report delivery (a thin adapter; it cannot run outside Electron, so the decisions and
 * names it follows live in ../reports/delivery.ts and are tested in Node): exports are saved where the
 * manager chooses in the native save dialog, and the Z report page is printed to PDF with
 * webContents.printToPDF (the page's print stylesheet leaves only the report) and saved the same way —
 * the dialog starts in the Documents folder and the page says the path it was saved to.
 */
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron'
import { copyFile } from 'node:fs/promises'
import { join } from 'node:path'
import { installDesktopDelivery } from '../reports/delivery'

async function askPath(window: BrowserWindow | null, options: SaveDialogOptions): Promise<string | null> {
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  return result.canceled || !result.filePath ? null : result.filePath
}

export function installReportsDelivery(window: () => BrowserWindow | null): void {
  installDesktopDelivery({
    saveFile: async (source, fileName) => {
      const extension = fileName.split('.').pop() ?? ''
      const path = await askPath(window(), {
        defaultPath: fileName,
        filters: [{ name: extension.toUpperCase(), extensions: [extension] }]
      })
      if (path !== null) await copyFile(source, path)
      return path
    },
    savePdf: async (fileName, write) => {
      const win = window()
      if (!win) return null
      const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' })
      const path = await askPath(win, {
        defaultPath: join(app.getPath('documents'), fileName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }]
      })
      if (path !== null) await write(path, pdf)
      return path
    }
  })
}
