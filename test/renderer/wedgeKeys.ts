/**
 * Key-event builders and a tiny text-field simulator for WedgeDetector tests: the simulator applies each
 * step the way installWedgeListener does (held keys stay out, replays go in first, a scan restores the
 * field to its state when the burst began), so tests can assert on what a cashier would see.
 */
import type { WedgeBurst, WedgeDetector, WedgeKeyEvent } from '../../src/renderer/src/scan/WedgeDetector'

export interface KeyOptions {
  editable?: boolean
  shift?: boolean
  ime?: boolean
}

const CODES: Record<string, string> = { '-': 'Minus', _: 'Minus', '.': 'Period', ' ': 'Space', '/': 'Slash' }

export function codeOf(char: string): string {
  if (/^[a-z]$/i.test(char)) return `Key${char.toUpperCase()}`
  if (/^[0-9]$/.test(char)) return `Digit${char}`
  return CODES[char] ?? 'Unknown'
}

export function key(char: string, at: number, options: KeyOptions = {}): WedgeKeyEvent {
  const special = char === 'Enter' || char === 'Tab' || char === 'NumpadEnter'
  return {
    key: options.ime ? 'Process' : char === 'NumpadEnter' ? 'Enter' : char,
    code: special ? char : codeOf(char),
    timeStamp: at,
    isComposing: options.ime ?? false,
    targetIsEditable: options.editable ?? true,
    shiftKey: options.shift ?? /^[A-Z]$/.test(char)
  }
}

/** Keys for `text` (then `suffix`) starting at `start`, `gaps[i]` ms apart (the last gap repeats). */
export function typed(
  text: string,
  start: number,
  gaps: number | number[],
  suffix: 'Enter' | 'Tab' | 'NumpadEnter' | null = 'Enter',
  options: KeyOptions = {}
): WedgeKeyEvent[] {
  const chars = [...text, ...(suffix ? [suffix] : [])]
  const list = Array.isArray(gaps) ? gaps : [gaps]
  let at = start
  return chars.map((c, i) => {
    if (i > 0) at += list[Math.min(i - 1, list.length - 1)]!
    return key(c, at, options)
  })
}

export interface Simulation {
  field: string
  scans: WedgeBurst[]
  suppressed: number
}

/**
 * Feeds events and tracks what ends up in one focused text field. With timers, deadlines are expired
 * between keys like the listener's setTimeout does; without, a late timer is simulated (the next key
 * arrives first and ends the burst itself).
 */
export function simulate(
  detector: WedgeDetector,
  events: WedgeKeyEvent[],
  initial = '',
  timers = true
): Simulation {
  let field = initial
  let snapshot = initial
  const scans: WedgeBurst[] = []
  let suppressed = 0
  const expireUntil = (now: number) => {
    for (
      let deadline = detector.deadline();
      deadline !== null && deadline <= now;
      deadline = detector.deadline()
    ) {
      const step = detector.expire(deadline)
      field += step.replay
      if (step.scan) {
        scans.push(step.scan)
        field = snapshot
      }
    }
  }
  for (const event of events) {
    if (timers) expireUntil(event.timeStamp)
    const step = detector.feed(event)
    // Same order as the listener: a finished scan restores first, then replays, then a new snapshot.
    if (step.scan) {
      scans.push(step.scan)
      field = snapshot
    }
    field += step.replay
    if (step.began) snapshot = field
    if (step.suppress) suppressed++
    else if ([...event.key].length === 1 && event.targetIsEditable && !event.ctrlKey) field += event.key
  }
  expireUntil(Number.POSITIVE_INFINITY)
  return { field, scans, suppressed }
}
