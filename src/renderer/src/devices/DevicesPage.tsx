/**
 * The devices page (managers): try any scanner, then configure each kind — keyboard-mode timing with a
 * calibration scan, USB HID and serial scanners main opens itself (with live status), and the camera.
 * Edits are a draft until saved; the scan test already uses the draft's wedge timing and camera, so a
 * setting can be tried before it is kept. Saving restarts main's scanners with the new configuration.
 */
import { Alert, Button, Space, Spin, Tabs, message } from 'antd'
import { SaveOutlined, UndoOutlined } from '@ant-design/icons'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppError } from '../../../shared/result'
import { errorText } from '../shell/errorText'
import { CameraSection } from './CameraSection'
import { DevicesConfigSchema } from '../../../shared/scannerConfig'
import { draftOf, requestOf, type DevicesDraft } from './devicesDraft'
import { HidSection } from './HidSection'
import { PrinterSection } from './PrinterSection'
import { ScanTestPanel } from './ScanTestPanel'
import { SerialSection } from './SerialSection'
import { statusKey, useDevices } from './useDevices'
import { WedgeSection } from './WedgeSection'
import './devices.css'

export function DevicesPage() {
  const { t } = useTranslation()
  const devices = useDevices()
  // Unsaved edits; null shows the stored configuration.
  const [edited, setEdited] = useState<DevicesDraft | null>(null)
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<AppError | null>(null)
  const [recording, setRecording] = useState(false)
  const [cameraSeen, setCameraSeen] = useState(0)
  const [toast, toastHolder] = message.useMessage()
  // The printer tab saves on its own: the scanners' save buttons are not shown under it.
  const [tab, setTab] = useState('wedge')

  const stored = useMemo(() => (devices.config ? draftOf(devices.config) : null), [devices.config])
  const draft = edited ?? stored
  const dirty = edited !== null

  if (!draft)
    return devices.error ? (
      <Alert type="error" showIcon title={errorText(t, devices.error)} />
    ) : (
      <Spin size="large" />
    )

  const edit = (patch: Partial<DevicesDraft>) => setEdited({ ...draft, ...patch })
  const save = async () => {
    const request = requestOf(draft)
    // The same schema main's contract checks (src/shared/scannerConfig.ts): refuse here, in words, before sending.
    const checked = DevicesConfigSchema.safeParse(request)
    if (!checked.success) {
      setSaveError({
        code: 'BAD_DEVICE_CONFIG',
        message: checked.error.issues.map((i) => i.message).join('; ')
      })
      return
    }
    setSaving(true)
    const error = await devices.save(request)
    setSaving(false)
    setSaveError(error)
    if (!error) {
      setEdited(null)
      void toast.success(t('devices.saved'))
    }
  }
  const statusOf = (kind: 'hid' | 'serial') => (index: number) =>
    devices.statuses.get(statusKey({ kind, index }))

  return (
    <div className="page devices-page" data-testid="page-devices">
      {toastHolder}
      <h1 className="page-title">{t('nav.devices')}</h1>
      <p className="page-intro">{t('devices.intro')}</p>
      <ScanTestPanel
        normalize
        paused={recording}
        wedge={draft.wedge}
        camera={draft.camera}
        onCameraOpened={() => setCameraSeen((n) => n + 1)}
      />
      {devices.listing?.problems.map((p) => (
        <Alert
          key={p.code}
          type="warning"
          showIcon
          title={t(`devices.listProblem.${p.code}`)}
          description={
            <details>
              <summary>{t('devices.listProblem.details')}</summary>
              <code>{p.detail}</code>
            </details>
          }
          className="devices-problem"
        />
      ))}
      <Tabs
        className="devices-tabs"
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'wedge',
            label: t('devices.wedge.title'),
            children: (
              <WedgeSection
                wedge={draft.wedge}
                onChange={(wedge) => edit({ wedge })}
                onRecording={setRecording}
              />
            )
          },
          {
            key: 'hid',
            label: t('devices.hid.title'),
            children: (
              <HidSection
                forms={draft.hid}
                found={devices.listing?.hid ?? []}
                statusOf={statusOf('hid')}
                onChange={(hid) => edit({ hid })}
              />
            )
          },
          {
            key: 'serial',
            label: t('devices.serial.title'),
            children: (
              <SerialSection
                forms={draft.serial}
                found={devices.listing?.serial ?? []}
                statusOf={statusOf('serial')}
                onChange={(serial) => edit({ serial })}
              />
            )
          },
          {
            key: 'camera',
            label: t('devices.camera.title'),
            children: (
              <CameraSection
                camera={draft.camera}
                onChange={(camera) => edit({ camera })}
                refreshKey={cameraSeen}
              />
            )
          },
          { key: 'printer', label: t('printer.title'), children: <PrinterSection /> }
        ]}
      />
      {saveError && (
        <Alert type="error" showIcon title={errorText(t, saveError)} data-testid="devices-save-error" />
      )}
      {tab !== 'printer' && (
        <Space className="devices-actions">
          <Button
            type="primary"
            size="large"
            icon={<SaveOutlined />}
            loading={saving}
            disabled={!dirty}
            onClick={() => void save()}
            data-testid="devices-save"
          >
            {t('devices.save')}
          </Button>
          <Button
            size="large"
            icon={<UndoOutlined />}
            disabled={!dirty}
            onClick={() => {
              setEdited(null)
              setSaveError(null)
            }}
          >
            {t('devices.revert')}
          </Button>
          <Button onClick={devices.refreshListing} loading={devices.listingLoading}>
            {t('devices.refresh')}
          </Button>
        </Space>
      )}
    </div>
  )
}
