/**
 * How a finished export or a Z report PDF reaches the manager. Electron installs a desktop delivery at start
 * (src/main/app/reportsDelivery.ts: a save dialog, webContents.printToPDF); without one — the Node host —
 * exports become one-time downloads and the page prints itself. Kept as a port so nothing here imports
 * electron and the host bundle stays Electron-free.
 */
export interface DesktopDelivery {
  /** Asks where to save `source` (suggesting `fileName`), copies it there; null when the manager cancels. */
  saveFile(source: string, fileName: string): Promise<string | null>
  /** Prints the window's current page (the Z report with its print stylesheet) to a PDF the manager places. */
  savePdf(fileName: string): Promise<string | null>
}

let desktop: DesktopDelivery | null = null

export function installDesktopDelivery(delivery: DesktopDelivery | null): void {
  desktop = delivery
}

export const desktopDelivery = (): DesktopDelivery | null => desktop
