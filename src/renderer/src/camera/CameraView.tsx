/**
 * The viewfinder: live video, a guide frame, the outline of the last decoded code (green) or of a code
 * seen but not read (orange, with a hint), and a clear message when there is no camera or no permission.
 */
import { Alert, Select, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CameraScan } from '../scan/types'
import type { FrameFeedback } from './cameraSession'
import type { CameraFormat } from './formats'
import type { Quad } from './frame'
import { visibleQuad } from './quad'
import { useCamera, type CameraViewState } from './useCamera'

export interface CameraViewProps {
  active: boolean
  onScan: (scan: CameraScan) => void
  formats?: readonly CameraFormat[]
  /** The camera this view starts with (the devices page's choice); the picker below can change it. */
  deviceId?: string
  /** Called once the camera runs: permission is granted and camera names become readable. */
  onRunning?: () => void
}

const points = (quad: Quad) => quad.map((p) => `${p.x},${p.y}`).join(' ')

function Overlay({ feedback }: { feedback: FrameFeedback | null }) {
  const width = feedback?.width || 1280
  const height = feedback?.height || 720
  // The guide frame: where a code reads best (the middle 60 % of the picture).
  const gw = width * 0.6
  const gh = height * 0.6
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="xMidYMid meet"
      style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', pointerEvents: 'none' }}
    >
      {/* Dark under white: visible on a bright counter and on a dark one. */}
      {['rgba(0,0,0,0.35)', 'rgba(255,255,255,0.85)'].map((stroke, i) => (
        <rect
          key={stroke}
          x={(width - gw) / 2}
          y={(height - gh) / 2}
          width={gw}
          height={gh}
          rx={16}
          fill="none"
          stroke={stroke}
          strokeWidth={i === 0 ? 8 : 3}
          strokeDasharray="48 24"
        />
      ))}
      {feedback?.codes.map((code, i) => (
        <polygon
          key={i}
          data-testid="camera-outline"
          points={points(visibleQuad(code.corners))}
          fill="rgba(34,197,94,0.15)"
          stroke="#22c55e"
          strokeWidth={6}
        />
      ))}
      {feedback?.seen && (
        <polygon points={points(feedback.seen.corners)} fill="none" stroke="#f59e0b" strokeWidth={5} />
      )}
    </svg>
  )
}

function statusText(state: CameraViewState, t: (key: string) => string): string {
  return state.status === 'problem'
    ? t(`scan.camera.problem.${state.problem}`)
    : t(`scan.camera.status.${state.status}`)
}

export function CameraView({ active, onScan, formats, deviceId: initialDevice, onRunning }: CameraViewProps) {
  const { t } = useTranslation()
  const [deviceId, setDeviceId] = useState<string | undefined>(initialDevice)
  const { videoRef, state, feedback } = useCamera({
    active,
    onScan,
    ...(deviceId ? { deviceId } : {}),
    ...(formats ? { formats } : {})
  })
  const stateName = state.status === 'problem' ? state.problem : state.status
  const running = state.status === 'running'
  const announce = useRef(onRunning)
  useEffect(() => {
    announce.current = onRunning
  })
  useEffect(() => {
    if (running) announce.current?.()
  }, [running])
  const hint = feedback?.codes.length ? null : feedback?.seen?.hint

  return (
    <div
      data-testid="camera-view"
      style={{ display: 'flex', flexDirection: 'column', gap: 8, maxWidth: 640 }}
    >
      <div
        aria-label={t('scan.camera.view')}
        style={{
          position: 'relative',
          aspectRatio: '16 / 9',
          background: '#111827',
          borderRadius: 8,
          overflow: 'hidden'
        }}
      >
        <video
          ref={videoRef}
          muted
          playsInline
          style={{ width: '100%', height: '100%', objectFit: 'contain' }}
        />
        {state.status === 'running' && <Overlay feedback={feedback} />}
      </div>
      {state.status === 'problem' ? (
        <Alert
          type="error"
          showIcon
          title={statusText(state, t)}
          data-testid="camera-status"
          data-state={stateName}
        />
      ) : (
        <Typography.Text data-testid="camera-status" data-state={stateName}>
          {statusText(state, t)}
        </Typography.Text>
      )}
      {hint && (
        <Typography.Text type="warning" strong data-testid="camera-hint" data-hint={hint}>
          {t(`scan.camera.hint.${hint}`)}
        </Typography.Text>
      )}
      {state.status === 'running' && state.devices.length > 1 && (
        <Select
          aria-label={t('scan.camera.choose')}
          value={state.deviceId}
          onChange={setDeviceId}
          options={state.devices.map((d, i) => ({
            value: d.deviceId,
            label: d.label || `${t('scan.camera.choose')} ${i + 1}`
          }))}
        />
      )}
    </div>
  )
}
