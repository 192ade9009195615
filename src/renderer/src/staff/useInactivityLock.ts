/**
 * Locks the till after lockAfterMs without a key or touch. Main enforces the same limit (it answers
 * LOCKED), this only makes the lock screen appear on time instead of at the next request.
 */
import { useEffect, useRef } from 'react'

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const

export function useInactivityLock(lockAfterMs: number, active: boolean, onIdle: () => void): void {
  const idle = useRef(onIdle)
  useEffect(() => {
    idle.current = onIdle
  })
  useEffect(() => {
    if (!active || !(lockAfterMs > 0)) return
    let timer = setTimeout(() => idle.current(), lockAfterMs)
    const onActivity = () => {
      clearTimeout(timer)
      timer = setTimeout(() => idle.current(), lockAfterMs)
    }
    // Capture phase: a scanner burst that the wedge listener stops is activity too.
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, onActivity, { capture: true, passive: true })
    return () => {
      clearTimeout(timer)
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true })
    }
  }, [lockAfterMs, active])
}
