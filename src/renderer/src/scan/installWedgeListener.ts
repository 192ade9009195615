/**
 * The global keyboard-wedge listener: keydown in the capture phase on window (before any field or
 * component sees the key), fed to a WedgeDetector, whose decisions are carried out here: stop held-back
 * keys, type back characters that were typing after all, restore the field a scan's first key went
 * into, and report scans.
 */
import { insertText, isEditable, restoreField, snapshotField, type FieldSnapshot } from './fieldEdit'
import type { WedgeConfig } from './wedgeConfig'
import { WedgeDetector, type WedgeBurst, type WedgeStep } from './WedgeDetector'
import type { WedgeScan } from './types'

/** After a scan that went through an input method, composition text may still land in the field. */
const IME_GUARD_MS = 500

export function toWedgeScan(burst: WedgeBurst, at: number): WedgeScan {
  return {
    source: 'wedge',
    device: 'keyboard',
    raw: burst.raw,
    at,
    ...(burst.mangled ? { mangled: true as const, reason: burst.reason ?? 'ime' } : {})
  }
}

export function installWedgeListener(
  target: Window,
  config: Partial<WedgeConfig>,
  onScan: (scan: WedgeScan) => void
): () => void {
  const detector = new WedgeDetector(config)
  let snapshot: FieldSnapshot | null = null
  /** Where held-back characters were aimed; they are typed back there. */
  let heldFor: EventTarget | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let imeGuard: { snapshot: FieldSnapshot; until: number } | null = null

  // Order matters when one key both ends a suffix-less scan and begins a new burst: restore the field
  // with the old snapshot first, then type back held keys, then remember the field for the new burst.
  const apply = (step: WedgeStep, eventTarget: EventTarget | null) => {
    if (step.scan) {
      if (snapshot) {
        restoreField(snapshot)
        if (step.scan.viaIme) imeGuard = { snapshot, until: performance.now() + IME_GUARD_MS }
      }
      snapshot = null
      onScan(toWedgeScan(step.scan, Date.now()))
    }
    if (step.replay) insertText(heldFor ?? eventTarget, step.replay)
    if (step.began) snapshot = snapshotField(eventTarget)
  }

  const schedule = () => {
    clearTimeout(timer)
    const deadline = detector.deadline()
    if (deadline === null) return
    timer = setTimeout(
      () => {
        apply(detector.expire(performance.now()), heldFor)
        heldFor = null
        schedule()
      },
      Math.max(0, deadline - performance.now())
    )
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const eventTarget = event.target
    const step = detector.feed({
      key: event.key,
      code: event.code,
      timeStamp: event.timeStamp,
      isComposing: event.isComposing,
      targetIsEditable: isEditable(eventTarget),
      shiftKey: event.shiftKey,
      ctrlKey: event.ctrlKey,
      altKey: event.altKey,
      metaKey: event.metaKey,
      repeat: event.repeat,
      capsLock: event.getModifierState?.('CapsLock') ?? false
    })
    apply(step, eventTarget)
    if (step.replay || step.scan) heldFor = null
    if (step.suppress) {
      event.preventDefault()
      event.stopPropagation()
      if (!step.scan) heldFor = eventTarget
    }
    schedule()
  }

  // An input method may commit its composition after we restored the field: undo that too.
  const onInput = (event: Event) => {
    if (!imeGuard || performance.now() > imeGuard.until || event.target !== imeGuard.snapshot.field) return
    const guard = imeGuard.snapshot
    queueMicrotask(() => restoreField(guard))
  }

  target.addEventListener('keydown', onKeyDown, true)
  target.addEventListener('input', onInput, true)
  return () => {
    clearTimeout(timer)
    target.removeEventListener('keydown', onKeyDown, true)
    target.removeEventListener('input', onInput, true)
  }
}
