/**
 * Keeps the counter alive across page switches and hears the scanner on every page: a scan while the
 * cashier looks at the training sheet opens the counter with its answer. On the devices page the scanner
 * belongs to the scan test panel, so the counter stops listening there.
 */
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react'
import { station } from '../api'
import { installWedgeListener } from '../scan'
import type { WedgeConfig } from '../scan/wedgeConfig'
import type { CameraSettings } from '../../../shared/devices'
import { call } from '../shell/call'
import { useCounter, type CounterControl, type ScanInput } from './useCounter'

interface CounterHub extends CounterControl {
  /** A scan from a page (training sheet): switch to the counter and look it up. */
  scanFromPage: (input: ScanInput) => void
  /** The camera chosen on the devices page (null until read). */
  camera: CameraSettings | null
}

const CounterContext = createContext<CounterHub | null>(null)

interface CounterHubProps {
  listening: boolean
  showCounter: () => void
  children: ReactNode
}

export function CounterHubProvider({ listening, showCounter, children }: CounterHubProps) {
  const counter = useCounter()
  const latest = useRef({ counter, showCounter })
  useEffect(() => {
    latest.current = { counter, showCounter }
  })

  // The wedge timing saved on the devices page; re-read whenever the counter starts listening again
  // (leaving the devices page is when it can have changed).
  const [wedge, setWedge] = useState<string>('{}')
  const [camera, setCamera] = useState<CameraSettings | null>(null)
  useEffect(() => {
    if (!listening) return
    let live = true
    void call('devices.config.get', undefined).then((r) => {
      if (!live || !r.ok) return
      setWedge(JSON.stringify(r.value.wedge))
      setCamera(r.value.camera)
    })
    return () => {
      live = false
    }
  }, [listening])

  useEffect(() => {
    if (!listening) return
    return installWedgeListener(window, JSON.parse(wedge) as Partial<WedgeConfig>, (scan) => {
      const { counter: c, showCounter: show } = latest.current
      show()
      if (scan.mangled) c.mangledScan()
      else void c.scan({ source: 'wedge', device: scan.device, raw: scan.raw })
    })
  }, [listening, wedge])

  // HID and serial scanners live in main; their scans arrive as events and are looked up by id.
  useEffect(() => {
    if (!listening) return
    return station.subscribe['device.scan']((notice) => {
      const { counter: c, showCounter: show } = latest.current
      show()
      void c.scan({ source: notice.source, device: notice.device, raw: notice.raw, scanId: notice.scanId })
    })
  }, [listening])

  const hub: CounterHub = {
    ...counter,
    camera,
    scanFromPage: (input) => {
      showCounter()
      void counter.scan(input)
    }
  }
  return <CounterContext value={hub}>{children}</CounterContext>
}

export function useCounterHub(): CounterHub {
  const hub = useContext(CounterContext)
  if (!hub) throw new Error('useCounterHub outside <CounterHubProvider>')
  return hub
}
