/** F1…F4 open pages, F8 locks, F9 mutes — on every signed-in screen. Scanners never send F-keys. */
import { useEffect, useRef } from 'react'
import { LOCK_KEY, MUTE_KEY, type PageDef, type PageKey } from './pages'

interface ShellKeys {
  pages: PageDef[]
  open: (page: PageKey) => void
  lock: () => void
  toggleMute: () => void
}

export function useShellKeys(keys: ShellKeys): void {
  const latest = useRef(keys)
  useEffect(() => {
    latest.current = keys
  })
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return
      const { pages, open, lock, toggleMute } = latest.current
      const page = pages.find((p) => p.shortcut === e.key)
      if (page) open(page.key)
      else if (e.key === LOCK_KEY) lock()
      else if (e.key === MUTE_KEY) toggleMute()
      else return
      // F1 would open the browser's help, F-keys may reload: they belong to the station here.
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
