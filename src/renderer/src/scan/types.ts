/**
 * Raw scans as the renderer produces them (keyboard wedge, camera). Normalisation (prefix/suffix, control
 * characters, code shapes) happens later in main, for every source alike.
 */
import type { MangleReason } from './WedgeDetector'

export interface WedgeScan {
  source: 'wedge'
  device: 'keyboard'
  /** Exactly what was typed, suffix included ('\r' for Enter, '\t' for Tab). */
  raw: string
  /** Epoch ms. */
  at: number
  /** An input method swallowed keys that could not be recovered: raw is not trustworthy. */
  mangled?: true
  reason?: MangleReason
}

export interface CameraScan {
  source: 'camera'
  /** The camera's label (e.g. 'Integrated Webcam'), or 'camera' when the browser hides it. */
  device: string
  raw: string
  at: number
  /** zxing's format name, e.g. 'QRCode', 'Code128'. */
  format: string
}

export type RendererScan = WedgeScan | CameraScan
