/**
 * Electron's side of report delivery (a thin adapter, nothing to test without Electron): exports are saved
 * where the manager chooses in the native save dialog, and the Z report page is printed to PDF with
 * webContents.printToPDF (the page's print stylesheet leaves only the report) and saved the same way.
 */
import { dialog, type BrowserWindow, type SaveDialogOptions } from 'electron'
import { copyFile, writeFile } from 'node:fs/promises'
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
    savePdf: async (fileName) => {
      const win = window()
      if (!win) return null
      const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' })
      const path = await askPath(win, {
        defaultPath: fileName,
        filters: [{ name: 'PDF', extensions: ['pdf'] }]
      })
      if (path !== null) await writeFile(path, pdf)
      return path
    }
  })
}
