/**
 * Enter and Esc anywhere on the counter page. Fields and buttons handle their own Enter (a focused
 * button is pressed by the browser); the wedge listener has already swallowed a scanner's Enter.
 */
import { useEffect, useRef } from 'react'

export function useCounterKeys(onEnter: () => void, onEscape: () => void): void {
  const handlers = useRef({ onEnter, onEscape })
  useEffect(() => {
    handlers.current = { onEnter, onEscape }
  })
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return
      if (e.key === 'Escape') {
        handlers.current.onEscape()
        return
      }
      if (e.key !== 'Enter') return
      const target = e.target instanceof Element ? e.target : null
      if (target?.closest('button, input, textarea, select, a, [role="dialog"], [role="switch"]')) return
      e.preventDefault()
      handlers.current.onEnter()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
