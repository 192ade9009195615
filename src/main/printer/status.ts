/**
 * The printer's real-time status (DLE EOT), read before every job and on the status poll. Bit meanings
 * are ESC/POS's (docs/printing.md § Status): every answer byte has bit 1 and bit 4 set and bits 0 and 7
 * clear, which tells an answer from stray bytes.
 */
import type { PrinterState } from '../../shared/printer'
import type { PrinterLink } from './link'

export const isStatusByte = (b: number): boolean => (b & 0x93) === 0x12

export interface StatusReading {
  state: Exclude<PrinterState, 'none'>
  detail: string | null
}

/** n=1 bit 3: offline. n=2 bit 2: cover open, bit 5: stopped at paper end, bit 6: error. n=4 bits 2–3: paper near end, bits 5–6: paper end. */
export async function readStatus(link: PrinterLink): Promise<StatusReading> {
  if (!link.canAsk) return { state: 'ready', detail: 'this connection cannot read the printer status' }
  const printer = await link.ask(1)
  if (printer === null || !isStatusByte(printer))
    return {
      state: 'offline',
      detail: printer === null ? 'no status answer' : `unexpected answer ${printer}`
    }
  const paper = await link.ask(4)
  const paperOut = paper !== null && isStatusByte(paper) && (paper & 0x60) !== 0
  const paperLow = paper !== null && isStatusByte(paper) && (paper & 0x0c) !== 0
  if ((printer & 0x08) !== 0) {
    const cause = await link.ask(2)
    if (cause !== null && isStatusByte(cause)) {
      if ((cause & 0x04) !== 0) return { state: 'coverOpen', detail: null }
      if ((cause & 0x20) !== 0 || paperOut) return { state: 'paperOut', detail: null }
      if ((cause & 0x40) !== 0) return { state: 'error', detail: null }
    }
    return paperOut
      ? { state: 'paperOut', detail: null }
      : { state: 'offline', detail: 'printer reports offline' }
  }
  if (paperOut) return { state: 'paperOut', detail: null }
  return { state: paperLow ? 'paperLow' : 'ready', detail: null }
}

/** States a job can be printed in. */
export const canPrint = (state: PrinterState): boolean => state === 'ready' || state === 'paperLow'
