/**
 * Joins HID POS reports into labels: a label longer than 56 bytes arrives in several reports, each but the
 * last with the continued flag set (a 60-byte QR comes as 56 + 4 bytes).
 */
import type { EpochMs } from '../../../shared/time'
import { parseHidPosReport, type ReportIdMode } from './hidPosReport'

export interface HidPosLabel {
  /** The label as UTF-8 text, with a trailing CR/LF suffix removed. */
  text: string
  aimId?: string
}

export interface HidPosAssemblerOptions {
  reportIdMode?: ReportIdMode
  /** Keep at most this many bytes of one label; the rest is dropped (the normalizer then says TOO_LONG). */
  maxLabelBytes?: number
  /** A partial label older than this is dropped: its last report was lost (unplug, reset). */
  staleAfterMs?: number
}

export class HidPosAssembler {
  private parts: Uint8Array[] = []
  private size = 0
  private aimId: string | undefined
  private startedAt: EpochMs = 0
  private readonly mode: ReportIdMode
  private readonly maxLabelBytes: number
  private readonly staleAfterMs: number

  constructor(options: HidPosAssemblerOptions = {}) {
    this.mode = options.reportIdMode ?? 'auto'
    this.maxLabelBytes = options.maxLabelBytes ?? 4096
    this.staleAfterMs = options.staleAfterMs ?? 1000
  }

  /** Feeds one input report; returns the label when this report completes one. */
  push(report: Uint8Array, now: EpochMs): HidPosLabel | undefined {
    const chunk = parseHidPosReport(report, this.mode)
    if (chunk === undefined) return undefined
    if (this.parts.length > 0 && now - this.startedAt > this.staleAfterMs) this.reset()
    if (this.parts.length === 0) {
      this.startedAt = now
      this.aimId = chunk.aimId
    }
    const room = this.maxLabelBytes + 1 - this.size
    if (room > 0) {
      const kept = chunk.data.subarray(0, room)
      this.parts.push(kept)
      this.size += kept.length
    }
    if (chunk.continued) return undefined
    const label = this.finish()
    return label.text === '' ? undefined : label
  }

  reset(): void {
    this.parts = []
    this.size = 0
    this.aimId = undefined
  }

  private finish(): HidPosLabel {
    const text = Buffer.concat(this.parts)
      .toString('utf8')
      .replace(/[\r\n]+$/, '')
    const label: HidPosLabel = this.aimId === undefined ? { text } : { text, aimId: this.aimId }
    this.reset()
    return label
  }
}
