/** Whether a CSS media query matches now, following changes (window resize, zoom). */
import { useSyncExternalStore } from 'react'

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query)
      list.addEventListener('change', onChange)
      return () => list.removeEventListener('change', onChange)
    },
    () => window.matchMedia(query).matches
  )
}

/** Below this width the page list shows icons only and the header drops its button words (styles.css). */
export const NARROW = '(max-width: 1199px)'
