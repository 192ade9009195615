/**
 * Derives wedge timing from one test scan (the devices page records its keydowns). Margins are generous
 * on purpose: a browser can stall key events for tens of ms, and a scan that is missed is worse for the
 * cashier than a very fast typist who is (in theory) taken for a scanner.
 */
import { usLayoutChar } from './usLayout'
import { DEFAULT_WEDGE_CONFIG, type WedgeConfig } from './wedgeConfig'
import type { WedgeKeyEvent } from './WedgeDetector'

export interface CalibrationStats {
  characters: number
  meanGapMs: number
  maxGapMs: number
  suffix: 'Enter' | 'Tab' | null
}

export type CalibrationWarning =
  /** The scanner types as slowly as a person: short human bursts could pass for scans. */
  | 'overlapsHuman'
  /** No Enter/Tab at the end: scans will end on silence, which adds maxGapMs of delay. */
  | 'noSuffix'
  /** An input method handled the keys: switch it off or use HID POS / serial mode. */
  | 'imeActive'

export type Calibration =
  | { ok: true; config: WedgeConfig; stats: CalibrationStats; warnings: CalibrationWarning[] }
  | { ok: false; reason: 'tooShort' }

/** Fewest characters a test scan must have for its timing to mean anything. */
const MIN_SAMPLE = 4
/** Average ms/char above which a scanner overlaps fast human typing. */
const HUMAN_MS_PER_CHAR = 80

const isModifier = (key: string) => ['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock'].includes(key)

function suffixOf(e: WedgeKeyEvent): 'Enter' | 'Tab' | null {
  if (e.code === 'Tab' || e.key === 'Tab') return 'Tab'
  if (e.code === 'Enter' || e.code === 'NumpadEnter' || e.key === 'Enter') return 'Enter'
  return null
}

export function calibrateFromSample(
  events: readonly WedgeKeyEvent[],
  base: Partial<WedgeConfig> = {}
): Calibration {
  const keys = events.filter((e) => !isModifier(e.key))
  const last = keys.at(-1)
  const suffix = last ? suffixOf(last) : null
  const chars = suffix ? keys.slice(0, -1) : keys
  if (chars.length < MIN_SAMPLE) return { ok: false, reason: 'tooShort' }

  const times = keys.map((e) => e.timeStamp)
  const gaps = times.slice(1).map((t, i) => t - times[i]!)
  const meanGapMs = gaps.reduce((a, b) => a + b, 0) / gaps.length
  const maxGapMs = Math.max(...gaps)
  const start = { ...DEFAULT_WEDGE_CONFIG, ...base }
  const config: WedgeConfig = {
    ...start,
    // 1.5× the mean plus 10 ms; never below the default, so calibrating a fast scanner changes nothing.
    avgMsPerChar: Math.max(start.avgMsPerChar, Math.ceil(meanGapMs * 1.5 + 10)),
    // Twice the longest pause seen plus 20 ms, capped: beyond ~400 ms a burst is indistinguishable from
    // someone thinking between keys.
    maxGapMs: Math.min(400, Math.max(start.maxGapMs, Math.ceil(maxGapMs * 2 + 20))),
    minLength: Math.min(start.minLength, chars.length),
    requireSuffix: suffix !== null
  }
  const warnings: CalibrationWarning[] = []
  if (config.avgMsPerChar >= HUMAN_MS_PER_CHAR) warnings.push('overlapsHuman')
  if (!suffix) warnings.push('noSuffix')
  if (chars.some((e) => e.isComposing || e.key === 'Process')) warnings.push('imeActive')
  return {
    ok: true,
    config,
    stats: { characters: chars.length, meanGapMs, maxGapMs, suffix },
    warnings
  }
}

/** What the sample typed, for showing next to the result (IME keys mapped like the detector does). */
export function sampleText(events: readonly WedgeKeyEvent[]): string {
  return events
    .filter((e) => !isModifier(e.key) && !suffixOf(e))
    .map((e) =>
      [...e.key].length === 1
        ? e.key
        : (usLayoutChar(e.code, e.shiftKey ?? false, e.capsLock ?? false) ?? '\uFFFD')
    )
    .join('')
}
