/** The scan test's short history: every scan as it arrived and what the station's normalizer made of it. */
import type { ScanResult, ScanSource } from '../../../shared/scan'

export interface TestScan {
  id: number
  at: number
  source: ScanSource
  device: string
  /** Control characters made visible. */
  raw: string
  /** null while the normalizer's answer is on its way (or where none is asked: before sign-in). */
  result: ScanResult | null
  /** The wedge saw an input method swallow keys: raw is not trustworthy. */
  mangled: boolean
}

export const SCAN_LOG_SIZE = 8

export function addScan(log: readonly TestScan[], scan: TestScan): TestScan[] {
  return [scan, ...log].slice(0, SCAN_LOG_SIZE)
}

export function settle(log: readonly TestScan[], id: number, result: ScanResult): TestScan[] {
  return log.map((s) => (s.id === id ? { ...s, result } : s))
}
