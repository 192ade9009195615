/**
 * Tells a keyboard-wedge scanner's burst from human typing, one keydown at a time. Pure: no DOM, no clock
 * (times come from the events, deadlines are returned), so every rule is unit-tested in Node.
 *
 * A burst starts with any character key. From its second key on, a key that arrives fast enough to be a
 * scanner is held back (suppress) so it never reaches a text field; if the burst then turns out to be
 * typing, the held-back characters are handed back (replay) to be inserted in order. The first key of a
 * burst always goes through (nobody can know yet), so when a scan completes the caller restores the field
 * to how it was when the burst began.
 *
 * Characters come from KeyboardEvent.key (Shift and the layout are already applied). An input method
 * reports key 'Process'; then the physical key (code) is mapped on a US layout, and a key that cannot be
 * mapped makes the scan 'mangled' rather than silently wrong.
 */
import { usLayoutChar } from './usLayout'
import { wedgeConfig, type WedgeConfig } from './wedgeConfig'

export interface WedgeKeyEvent {
  key: string
  code: string
  /** DOMHighResTimeStamp of the event (ms). */
  timeStamp: number
  isComposing: boolean
  /** The key is aimed at a text field (input, textarea, contenteditable). */
  targetIsEditable: boolean
  shiftKey?: boolean
  ctrlKey?: boolean
  altKey?: boolean
  metaKey?: boolean
  /** Auto-repeat of a held key: a person, never a scanner. */
  repeat?: boolean
  capsLock?: boolean
}

export type MangleReason = 'ime'

export interface WedgeBurst {
  /** The characters as typed, prefix included, with the suffix as '\r' (Enter) or '\t' (Tab). */
  raw: string
  mangled: boolean
  reason?: MangleReason
  /** An input method saw these keys: the field may get composition text after the scan. */
  viaIme: boolean
  startedAt: number
  endedAt: number
  msPerChar: number
}

export interface WedgeStep {
  /** Stop this key: preventDefault and stopPropagation. */
  suppress: boolean
  /** Characters held back earlier that turned out to be typing: insert them before this key acts. */
  replay: string
  /** This key began a burst: remember the focused field's value now, before the key changes it. */
  began: boolean
  /** A complete scan: put the field back as it was when the burst began, then report this. */
  scan: WedgeBurst | null
}

const PASS: WedgeStep = Object.freeze({ suppress: false, replay: '', began: false, scan: null })

const MODIFIERS = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'CapsLock',
  'NumLock',
  'ScrollLock',
  'Fn',
  'OS'
])

/** Input methods and virtual keyboards report these instead of the character. */
const IME_KEYS = new Set(['Process', 'Unidentified'])

type Classified =
  | { kind: 'ignore' }
  | { kind: 'other' }
  | { kind: 'suffix'; char: string }
  | { kind: 'char'; char: string; ime: boolean; unknown: boolean }

interface Held {
  char: string
  at: number
  editable: boolean
  unknown: boolean
  ime: boolean
}

export class WedgeDetector {
  readonly config: WedgeConfig
  private keys: Held[] = []
  /** Held-back characters aimed at a text field, not yet handed back. */
  private pending = ''
  /** The burst cannot be a scan any more (prefix mismatch); its keys just pass. */
  private dead = false

  constructor(config: Partial<WedgeConfig> = {}) {
    this.config = wedgeConfig(config)
  }

  /** When the current burst times out (feed expire() then), or null when idle. */
  deadline(): number | null {
    const last = this.keys.at(-1)
    return last ? last.at + this.config.maxGapMs + 1 : null
  }

  reset(): void {
    this.keys = []
    this.pending = ''
    this.dead = false
  }

  /** Ends a burst that went quiet: hands back held characters, or completes a suffix-less scan. */
  expire(now: number): WedgeStep {
    const last = this.keys.at(-1)
    if (!last || now - last.at <= this.config.maxGapMs) return PASS
    return this.end(null, last.at)
  }

  feed(event: WedgeKeyEvent): WedgeStep {
    const key = this.classify(event)
    if (key.kind === 'ignore') return PASS
    let carried = ''
    const last = this.keys.at(-1)
    if (last && event.timeStamp - last.at > this.config.maxGapMs) {
      const ended = this.end(null, last.at)
      if (ended.scan) {
        // A suffix-less scan ended by this key's pause; the key itself starts afresh below.
        const next = this.feed(event)
        return { ...next, scan: ended.scan, replay: ended.replay + next.replay }
      }
      carried = ended.replay
    }
    switch (key.kind) {
      case 'other':
        return { ...PASS, replay: carried + this.flush() }
      case 'suffix':
        return this.suffix(key.char, event.timeStamp, carried)
      case 'char':
        return this.char(key, event, carried)
    }
  }

  private classify(e: WedgeKeyEvent): Classified {
    if (MODIFIERS.has(e.key)) return { kind: 'ignore' }
    // AltGr arrives as Ctrl+Alt on Windows and types a character; Ctrl or Alt alone is a shortcut.
    const shortcut = e.metaKey || (e.ctrlKey && !e.altKey) || (e.altKey && !e.ctrlKey)
    if (shortcut || e.repeat) return { kind: 'other' }
    const imeKey = IME_KEYS.has(e.key)
    const suffixes: readonly string[] = this.config.suffixKeys
    if (suffixes.includes(e.code) || (!imeKey && suffixes.includes(e.key)))
      return { kind: 'suffix', char: e.key === 'Tab' || e.code === 'Tab' ? '\t' : '\r' }
    if (!imeKey && [...e.key].length === 1)
      return { kind: 'char', char: e.key, ime: e.isComposing, unknown: false }
    if (imeKey || e.isComposing) {
      const mapped = usLayoutChar(e.code, e.shiftKey ?? false, e.capsLock ?? false)
      return { kind: 'char', char: mapped ?? '\uFFFD', ime: true, unknown: mapped === null }
    }
    return { kind: 'other' }
  }

  private char(
    key: { char: string; ime: boolean; unknown: boolean },
    e: WedgeKeyEvent,
    carried: string
  ): WedgeStep {
    const held: Held = {
      char: key.char,
      at: e.timeStamp,
      editable: e.targetIsEditable,
      unknown: key.unknown,
      ime: key.ime
    }
    if (this.keys.length === 0) {
      this.keys.push(held)
      this.dead = !this.prefixConsistent()
      return { ...PASS, replay: carried, began: true }
    }
    this.keys.push(held)
    if (!this.dead && !this.prefixConsistent()) this.dead = true
    const first = this.keys[0]!
    const fast = (e.timeStamp - first.at) / (this.keys.length - 1) <= this.config.avgMsPerChar
    if (fast && !this.dead) {
      // An input method has already taken its key (preventDefault cannot stop a composition), so giving
      // it back later would type it twice.
      if (held.editable && !held.ime) this.pending += held.char
      return { ...PASS, suppress: true, replay: carried }
    }
    // Looks like typing: the held-back characters go in first, then this key acts normally.
    return { ...PASS, replay: carried + this.takePending() }
  }

  private suffix(char: string, at: number, carried: string): WedgeStep {
    const burst = this.keys.length ? this.end(char, at) : PASS
    // Not a scan: held characters go in first, then Enter/Tab does what it always does.
    return burst.scan ? { ...burst, suppress: true } : { ...PASS, replay: carried + burst.replay }
  }

  /** Ends the burst; a scan when it qualifies, otherwise the held characters to hand back. */
  private end(suffix: string | null, at: number): WedgeStep {
    const scan = this.qualify(suffix, at)
    const replay = scan ? '' : this.takePending()
    this.keys = []
    this.dead = false
    this.pending = ''
    return { ...PASS, replay, scan }
  }

  private qualify(suffix: string | null, endAt: number): WedgeBurst | null {
    const c = this.config
    if (this.dead || (suffix === null && c.requireSuffix)) return null
    const text = this.keys.map((k) => k.char).join('')
    if (!text.startsWith(c.prefix) || text.length - c.prefix.length < c.minLength) return null
    const startedAt = this.keys[0]!.at
    const gaps = this.keys.length - 1 + (suffix === null ? 0 : 1)
    const msPerChar = (endAt - startedAt) / gaps
    if (msPerChar > c.avgMsPerChar) return null
    const mangled = this.keys.some((k) => k.unknown)
    return {
      raw: text + (suffix ?? ''),
      mangled,
      ...(mangled ? { reason: 'ime' as const } : {}),
      viaIme: this.keys.some((k) => k.ime),
      startedAt,
      endedAt: endAt,
      msPerChar
    }
  }

  private prefixConsistent(): boolean {
    const typed = this.keys.map((k) => k.char).join('')
    const prefix = this.config.prefix
    return typed.length >= prefix.length ? typed.startsWith(prefix) : prefix.startsWith(typed)
  }

  private flush(): string {
    const replay = this.takePending()
    this.keys = []
    this.dead = false
    return replay
  }

  private takePending(): string {
    const out = this.pending
    this.pending = ''
    return out
  }
}
