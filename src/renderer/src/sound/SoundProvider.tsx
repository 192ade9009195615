/** Mute state for the sound cues, remembered per station (localStorage), and a play function that obeys it. */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import type { Cue } from './cues'
import { playCue } from './playCue'

const MUTE_KEY = 'hexiao.muted'

interface SoundControl {
  muted: boolean
  setMuted: (muted: boolean) => void
  play: (cue: Cue) => void
}

const SoundContext = createContext<SoundControl>({ muted: false, setMuted: () => {}, play: () => {} })

export function SoundProvider({ children }: { children: ReactNode }) {
  const [muted, setMutedState] = useState(() => localStorage.getItem(MUTE_KEY) === '1')
  const setMuted = useCallback((next: boolean) => {
    localStorage.setItem(MUTE_KEY, next ? '1' : '0')
    setMutedState(next)
  }, [])
  const play = useCallback(
    (cue: Cue) => {
      // The last cue is also published on <html> so tests and the latency bench can see what was played.
      document.documentElement.dataset['lastCue'] = muted ? `muted:${cue}` : cue
      if (!muted) playCue(cue)
    },
    [muted]
  )
  const value = useMemo(() => ({ muted, setMuted, play }), [muted, setMuted, play])
  return <SoundContext value={value}>{children}</SoundContext>
}

export const useSound = (): SoundControl => useContext(SoundContext)
