/**
 * The camera at the counter, for stores without a scanner or for a code the scanner cannot read: off by
 * default (a running camera costs CPU and shows the queue on screen), one key or click away. It uses the
 * camera and symbologies chosen on the devices page.
 */
import { Button } from 'antd'
import { CameraOutlined } from '@ant-design/icons'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CameraView } from '../camera/CameraView'
import type { CameraScan } from '../scan/types'
import { useCounterHub } from './CounterHub'

/** F6: F1–F4 open pages, F8/F9 lock and mute; scanners never send F-keys. */
export const CAMERA_KEY = 'F6'

export function CounterCamera() {
  const { t } = useTranslation()
  const counter = useCounterHub()
  const [on, setOn] = useState(false)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== CAMERA_KEY) return
      e.preventDefault()
      setOn((v) => !v)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  const { scan } = counter
  const onScan = useCallback(
    (s: CameraScan) => void scan({ source: 'camera', device: s.device, raw: s.raw }),
    [scan]
  )
  const camera = counter.camera
  return (
    <div className="counter-camera">
      <Button
        size="large"
        icon={<CameraOutlined />}
        aria-pressed={on}
        onClick={() => setOn(!on)}
        data-testid="counter-camera-toggle"
      >
        {on ? t('counter.camera.off') : t('counter.camera.on')} ({CAMERA_KEY})
      </Button>
      {on && (
        <CameraView
          active
          onScan={onScan}
          {...(camera ? { formats: camera.formats } : {})}
          {...(camera?.deviceId ? { deviceId: camera.deviceId } : {})}
        />
      )}
    </div>
  )
}
