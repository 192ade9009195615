/**
 * How a finished export or a Z report PDF reaches the manager. Electron installs a desktop delivery at start
 * (src/main/app/reportsDelivery.ts: a save dialog, webContents.printToPDF); without one — the Node host —
 * exports become one-time downloads and the page prints itself (the browser's print dialog saves the PDF).
 * Kept as a port so nothing here imports electron and the host bundle stays Electron-free; the decisions
 * and names live here so they are tested in Node (test/reports/zPdf.test.ts) — Electron's glue stays thin.
 */
import { AppFailure } from '../../shared/result'

export interface DesktopDelivery {
  /** Asks where to save `source` (suggesting `fileName`), copies it there; null when the manager cancels. */
  saveFile(source: string, fileName: string): Promise<string | null>
  /**
   * Prints the window's current page (the Z report with its print stylesheet) to PDF bytes, asks where to
   * save them (suggesting `fileName`) and hands both to `write`; null when the manager cancels.
   */
  savePdf(fileName: string, write: (path: string, pdf: Uint8Array) => Promise<void>): Promise<string | null>
}

let desktop: DesktopDelivery | null = null

export function installDesktopDelivery(delivery: DesktopDelivery | null): void {
  desktop = delivery
}

export const desktopDelivery = (): DesktopDelivery | null => desktop

/** `Z0001_2026-12-05.pdf`: sorts by number, says the day, and a training report says so in its name. */
export function zPdfFileName(number: number, businessDay: string, mode: string): string {
  const training = mode === 'training' ? '_TRAINING' : ''
  return `Z${String(number).padStart(4, '0')}_${businessDay}${training}.pdf`
}

/**
 * Refuses to write what is not a PDF (an empty or failed print must not leave a file the manager trusts).
 * Returns the bytes to write.
 */
export function checkedPdf(pdf: Uint8Array): Uint8Array {
  const head = Buffer.from(pdf.subarray(0, 5)).toString('latin1')
  if (pdf.byteLength < 64 || head !== '%PDF-')
    throw new AppFailure('PDF_FAILED', `Printing the Z report produced no PDF (${pdf.byteLength} bytes).`)
  return pdf
}
