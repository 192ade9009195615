/**
 * "Save as PDF" for a Z report: the decisions and the file naming that Electron's thin glue
 * (src/main/app/reportsDelivery.ts, webContents.printToPDF — which cannot run here) follows. Without a desktop
 * delivery (the Node host) the page is told to use the browser's print dialog; with one, the PDF is written
 * where the manager chose and the path comes back; a cancel writes nothing; non-PDF bytes are refused.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  checkedPdf,
  installDesktopDelivery,
  zPdfFileName,
  type DesktopDelivery
} from '../../src/main/reports/delivery'
import { businessDayRange } from '../../src/shared/time'
import { trainingStation, type TestStation, reportsAt } from '../support/station'

let t: TestStation | undefined
afterEach(async () => {
  installDesktopDelivery(null)
  await t?.station.close()
})

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0x20), Buffer.from('\n%%EOF\n')])

async function closedReport() {
  t = await trainingStation({ background: false })
  const clock = businessDayRange('2026-11-23', 'Asia/Shanghai', 240).start
  const reports = reportsAt(t.station, () => clock)
  await reports.closeDay('2026-11-22', t.manager)
  return reports
}

/** A desktop delivery whose "dialog" answers with `answer` (a path, or null for cancel). */
function desktop(answer: string | null, pdf: Uint8Array, asked: string[]): DesktopDelivery {
  return {
    saveFile: () => Promise.reject(new Error('not used')),
    savePdf: async (fileName, write) => {
      asked.push(fileName)
      if (answer !== null) await write(answer, pdf)
      return answer
    }
  }
}

describe('Z report PDF', () => {
  it('names the file by number and day, and says a training report is one', () => {
    expect(zPdfFileName(1, '2026-11-22', 'live')).toBe('Z0001_2026-11-22.pdf')
    expect(zPdfFileName(12345, '2026-11-22', 'training')).toBe('Z12345_2026-11-22_TRAINING.pdf')
  })

  it('in the Node host, tells the page that the browser print dialog saves the PDF', async () => {
    const reports = await closedReport()
    expect(await reports.zPdf(1)).toEqual({ kind: 'print_in_page' })
  })

  it('in Electron, writes the PDF where the manager chose and says where', async () => {
    const reports = await closedReport()
    const target = join(mkdtempSync(join(tmpdir(), 'hexiao-pdf-')), 'z1.pdf')
    const asked: string[] = []
    installDesktopDelivery(desktop(target, PDF, asked))
    expect(await reports.zPdf(1)).toEqual({ kind: 'saved', path: target })
    expect(asked).toEqual(['Z0001_2026-11-22_TRAINING.pdf'])
    expect(readFileSync(target).equals(PDF)).toBe(true)
  })

  it('a cancelled dialog writes nothing; a print that produced no PDF is refused, not written', async () => {
    const reports = await closedReport()
    const dir = mkdtempSync(join(tmpdir(), 'hexiao-pdf-'))
    installDesktopDelivery(desktop(null, PDF, []))
    expect(await reports.zPdf(1)).toEqual({ kind: 'cancelled' })
    installDesktopDelivery(desktop(join(dir, 'bad.pdf'), Buffer.from('<html>oops</html>'), []))
    await expect(reports.zPdf(1)).rejects.toMatchObject({ code: 'PDF_FAILED' })
    expect(existsSync(join(dir, 'bad.pdf'))).toBe(false)
    expect(() => checkedPdf(new Uint8Array(0))).toThrow(/no PDF/)
    await expect(reports.zPdf(99)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
