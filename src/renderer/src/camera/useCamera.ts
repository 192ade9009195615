/** Runs a camera session while `active`; restarts it when the chosen device or the formats change. */
import { useEffect, useRef, useState, type RefObject } from 'react'
import type { CameraScan } from '../scan/types'
import { startCamera, type CameraState, type FrameFeedback } from './cameraSession'
import type { CameraFormat } from './formats'

export type CameraViewState = CameraState | { status: 'off' }

export interface UseCameraOptions {
  active: boolean
  deviceId?: string
  formats?: readonly CameraFormat[]
  onScan: (scan: CameraScan) => void
}

export function useCamera(options: UseCameraOptions): {
  videoRef: RefObject<HTMLVideoElement | null>
  state: CameraViewState
  feedback: FrameFeedback | null
} {
  const videoRef = useRef<HTMLVideoElement | null>(null)
  const [state, setState] = useState<CameraViewState>({ status: 'off' })
  const [feedback, setFeedback] = useState<FrameFeedback | null>(null)
  const onScan = useRef(options.onScan)
  useEffect(() => {
    onScan.current = options.onScan
  })
  const { active, deviceId } = options
  const formatsKey = (options.formats ?? []).join(',')

  useEffect(() => {
    const video = videoRef.current
    if (!active || !video) return
    const formats = formatsKey ? (formatsKey.split(',') as CameraFormat[]) : undefined
    const session = startCamera({
      video,
      ...(deviceId ? { deviceId } : {}),
      ...(formats ? { formats } : {}),
      onScan: (scan) => onScan.current(scan),
      onState: setState,
      onFeedback: setFeedback
    })
    return () => {
      session.stop()
      setState({ status: 'off' })
      setFeedback(null)
    }
  }, [active, deviceId, formatsKey])

  return { videoRef, state, feedback }
}
