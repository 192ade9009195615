/**
 * Which camera the counter uses and which symbologies it looks for. Browsers hide camera names until the
 * camera was opened once; the list is read again after the preview in the scan test ran.
 */
import { Alert, Button, Checkbox, Select, Space, Typography } from 'antd'
import { ReloadOutlined } from '@ant-design/icons'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CAMERA_FORMATS, type CameraFormat, type CameraSettings } from '../../../shared/devices'
import { Field } from '../components/Field'

interface CameraInfo {
  deviceId: string
  label: string
}

const DEFAULT = '__default__'

async function listCameras(): Promise<CameraInfo[] | null> {
  if (!navigator.mediaDevices?.enumerateDevices) return null
  const all = await navigator.mediaDevices.enumerateDevices()
  return all
    .filter((d) => d.kind === 'videoinput' && d.deviceId)
    .map((d) => ({ deviceId: d.deviceId, label: d.label }))
}

export function CameraSection({
  camera,
  onChange,
  refreshKey
}: {
  camera: CameraSettings
  onChange: (camera: CameraSettings) => void
  /** Changes when the preview opened a camera (names become visible). */
  refreshKey: number
}) {
  const { t } = useTranslation()
  // undefined: not read yet; null: this environment has no camera API.
  const [cameras, setCameras] = useState<CameraInfo[] | null | undefined>(undefined)
  const refresh = useCallback(() => {
    void listCameras().then(setCameras, () => setCameras(null))
  }, [])
  useEffect(refresh, [refresh, refreshKey])

  const options = [
    { value: DEFAULT, label: t('devices.camera.default') },
    ...(cameras ?? []).map((c, i) => ({
      value: c.deviceId,
      label: c.label || t('devices.camera.nth', { n: i + 1 })
    }))
  ]
  if (camera.deviceId && !cameras?.some((c) => c.deviceId === camera.deviceId))
    options.push({
      value: camera.deviceId,
      label: t('devices.camera.absent', { label: camera.label ?? camera.deviceId.slice(0, 8) })
    })

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="camera-section">
      <Typography.Text type="secondary">{t('devices.camera.intro')}</Typography.Text>
      {cameras === null && <Alert type="error" showIcon title={t('scan.camera.problem.unsupported')} />}
      {cameras?.length === 0 && <Alert type="warning" showIcon title={t('devices.camera.none')} />}
      <div className="device-fields">
        <Field label={t('devices.camera.chosen')} help={t('devices.camera.labelsHidden')}>
          <Select
            value={camera.deviceId ?? DEFAULT}
            onChange={(value: string) => {
              const chosen = cameras?.find((c) => c.deviceId === value)
              const { deviceId: _d, label: _l, ...rest } = camera
              onChange(
                value === DEFAULT
                  ? rest
                  : { ...rest, deviceId: value, ...(chosen?.label ? { label: chosen.label } : {}) }
              )
            }}
            options={options}
            data-testid="camera-choice"
          />
        </Field>
      </div>
      <Button icon={<ReloadOutlined />} onClick={refresh}>
        {t('devices.refresh')}
      </Button>
      <Field label={t('devices.camera.formats')} help={t('devices.camera.formatsHelp')}>
        <Checkbox.Group<CameraFormat>
          value={camera.formats}
          onChange={(formats) => formats.length > 0 && onChange({ ...camera, formats })}
          options={CAMERA_FORMATS.map((f) => ({ value: f, label: f }))}
        />
      </Field>
    </Space>
  )
}
