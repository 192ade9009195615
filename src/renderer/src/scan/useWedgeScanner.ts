/** Installs the global wedge listener while the calling component is mounted. */
import { useEffect, useRef } from 'react'
import { installWedgeListener } from './installWedgeListener'
import type { WedgeScan } from './types'
import type { WedgeConfig } from './wedgeConfig'

export function useWedgeScanner(
  onScan: (scan: WedgeScan) => void,
  config: Partial<WedgeConfig> = {},
  enabled = true
): void {
  // The latest callback without reinstalling the listener (which would drop a burst in progress).
  const callback = useRef(onScan)
  useEffect(() => {
    callback.current = onScan
  })
  const key = JSON.stringify(config)
  useEffect(() => {
    if (!enabled) return
    const parsed = JSON.parse(key) as Partial<WedgeConfig>
    return installWedgeListener(window, parsed, (scan) => callback.current(scan))
  }, [key, enabled])
}
