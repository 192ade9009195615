/**
 * Records one test scan's keydowns for calibration. While recording, every key is taken (capture phase,
 * default prevented) so the test burst types into nothing; the recording ends at Enter/Tab, or after a
 * second of silence for scanners that send no suffix.
 */
import { useEffect, useRef } from 'react'
import type { WedgeKeyEvent } from '../scan/WedgeDetector'

const SILENCE_MS = 1_000
const isSuffix = (e: KeyboardEvent) => ['Enter', 'NumpadEnter', 'Tab'].includes(e.code) || e.key === 'Enter'

export function useCalibrationRecorder(
  recording: boolean,
  onSample: (events: WedgeKeyEvent[]) => void
): void {
  const done = useRef(onSample)
  useEffect(() => {
    done.current = onSample
  })
  useEffect(() => {
    if (!recording) return
    const events: WedgeKeyEvent[] = []
    let timer: ReturnType<typeof setTimeout> | undefined
    const finish = () => {
      window.removeEventListener('keydown', onKeyDown, true)
      clearTimeout(timer)
      done.current(events)
    }
    const onKeyDown = (e: KeyboardEvent) => {
      e.preventDefault()
      e.stopImmediatePropagation()
      events.push({
        key: e.key,
        code: e.code,
        timeStamp: e.timeStamp,
        isComposing: e.isComposing,
        targetIsEditable: false,
        shiftKey: e.shiftKey,
        capsLock: e.getModifierState('CapsLock')
      })
      clearTimeout(timer)
      if (isSuffix(e)) finish()
      else timer = setTimeout(finish, SILENCE_MS)
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => {
      window.removeEventListener('keydown', onKeyDown, true)
      clearTimeout(timer)
    }
  }, [recording])
}
