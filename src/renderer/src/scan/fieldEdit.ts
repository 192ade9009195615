/**
 * Editing text fields the way typing does, so React's controlled inputs (antd Input) see every change:
 * insertion goes through execCommand('insertText') (input events, undo stack), a restore sets the value
 * through the native setter and fires 'input'.
 */

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'tel', 'url', 'email', 'password', 'number', ''])

type TextField = HTMLInputElement | HTMLTextAreaElement

export function isTextField(target: EventTarget | null): target is TextField {
  if (target instanceof HTMLTextAreaElement) return !target.readOnly && !target.disabled
  if (target instanceof HTMLInputElement)
    return !target.readOnly && !target.disabled && TEXT_INPUT_TYPES.has(target.type)
  return false
}

export function isEditable(target: EventTarget | null): boolean {
  return isTextField(target) || (target instanceof HTMLElement && target.isContentEditable)
}

export interface FieldSnapshot {
  field: TextField
  value: string
  selectionStart: number | null
  selectionEnd: number | null
}

export function snapshotField(target: EventTarget | null): FieldSnapshot | null {
  if (!isTextField(target)) return null
  return {
    field: target,
    value: target.value,
    selectionStart: safeSelection(() => target.selectionStart),
    selectionEnd: safeSelection(() => target.selectionEnd)
  }
}

// selectionStart throws on input types without a caret (number, email in some engines).
function safeSelection(read: () => number | null): number | null {
  try {
    return read()
  } catch {
    return null
  }
}

function setNativeValue(field: TextField, value: string): void {
  // React tracks the value through the instance's setter; the prototype's setter bypasses it, so the
  // following 'input' event is seen as a real change and reaches onChange.
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set
  if (setter) setter.call(field, value)
  else field.value = value
  field.dispatchEvent(new Event('input', { bubbles: true }))
}

/** Puts a field back as it was (value and caret); a no-op when nothing changed. */
export function restoreField(snapshot: FieldSnapshot): void {
  const { field } = snapshot
  if (field.value === snapshot.value) return
  setNativeValue(field, snapshot.value)
  if (snapshot.selectionStart !== null && snapshot.selectionEnd !== null)
    safeSelection(() => {
      field.setSelectionRange(snapshot.selectionStart, snapshot.selectionEnd)
      return null
    })
}

/** Types text into the field at its caret, as if the keys had gone through. */
export function insertText(target: EventTarget | null, text: string): void {
  if (!text || !isEditable(target)) return
  const element = target as HTMLElement
  if (element.ownerDocument.activeElement === element) {
    // Deprecated but still the only way to insert "as typed" (undo, beforeinput/input) in Chromium.
    if (element.ownerDocument.execCommand('insertText', false, text)) return
  }
  if (!isTextField(element)) return
  const start = safeSelection(() => element.selectionStart)
  const end = safeSelection(() => element.selectionEnd)
  if (start === null || end === null) setNativeValue(element, element.value + text)
  else setNativeValue(element, element.value.slice(0, start) + text + element.value.slice(end))
}
