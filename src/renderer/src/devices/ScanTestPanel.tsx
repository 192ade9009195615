/**
 * "Scan a test code": every scan from every source (keyboard wedge, camera, and the HID/serial scanners
 * main runs) shown exactly as it arrived — control characters made visible — and, on the devices page,
 * what the station's normalizer makes of it. The text field proves scanner bursts never leak into fields.
 * Before sign-in it shows raw scans only (normalising is a manager's channel).
 */
import { Alert, Card, Descriptions, Input, Space, Switch, Table, Typography } from 'antd'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CameraSettings, WedgeSettings } from '../../../shared/devices'
import { station } from '../api'
import { CameraView } from '../camera/CameraView'
import { escapeRaw } from '../scan/escapeRaw'
import type { RendererScan } from '../scan/types'
import { useWedgeScanner } from '../scan/useWedgeScanner'
import { call } from '../shell/call'
import { clockText } from '../components/format'
import { useStation } from '../shell/stationContext'
import { addScan, settle, type TestScan } from './scanLog'
import { ScanResultText } from './ScanResultText'
import './devices.css'

export interface ScanTestPanelProps {
  /** Ask main's normalizer about renderer scans (signed-in manager only). */
  normalize?: boolean
  /** The wedge listener stands aside (calibration is recording the keyboard). */
  paused?: boolean
  wedge?: Partial<WedgeSettings>
  camera?: CameraSettings
  /** The preview opened a camera: its name is now visible to enumerateDevices. */
  onCameraOpened?: () => void
  /** Told of every scan (its code, or raw text) — the lock screen uses it to say a scan was not redeemed. */
  onScan?: (raw: string) => void
}

export function ScanTestPanel({
  normalize = false,
  paused = false,
  wedge,
  camera,
  onCameraOpened,
  onScan
}: ScanTestPanelProps) {
  const { t } = useTranslation()
  const [log, setLog] = useState<TestScan[]>([])
  const [count, setCount] = useState(0)
  const [cameraOn, setCameraOn] = useState(false)
  const [text, setText] = useState('')
  const nextId = useRef(1)
  const onScanRef = useRef(onScan)
  useEffect(() => {
    onScanRef.current = onScan
  }, [onScan])

  const { info } = useStation()

  /** Logs a scan; for renderer scans (`text` = the unescaped scan) asks main's normalizer too. */
  const record = useCallback((scan: Omit<TestScan, 'id'>, text: string | null) => {
    const id = nextId.current++
    setLog((before) => addScan(before, { ...scan, id }))
    setCount((n) => n + 1)
    if (text === null || (scan.source !== 'wedge' && scan.source !== 'camera' && scan.source !== 'manual'))
      return
    void call('devices.normalize', { source: scan.source, device: scan.device, raw: text }).then(
      (r) => r.ok && setLog((before) => settle(before, id, r.value.normalized))
    )
  }, [])

  const onRendererScan = useCallback(
    (scan: RendererScan) => {
      const mangled = scan.source === 'wedge' && scan.mangled === true
      onScanRef.current?.(scan.raw)
      record(
        {
          at: scan.at,
          source: scan.source,
          device: scan.device,
          raw: escapeRaw(scan.raw),
          result: null,
          mangled
        },
        normalize && !mangled ? scan.raw : null
      )
    },
    [normalize, record]
  )
  useWedgeScanner(onRendererScan, wedge, !paused)

  // HID and serial scans arrive from main already normalised.
  useEffect(
    () =>
      station.subscribe['device.scan']((notice) => {
        const n = notice.normalized
        onScanRef.current?.('kind' in n ? (n.kind === 'code' ? n.code : n.encryptCode) : notice.raw)
        record(
          {
            at: notice.at,
            source: notice.source,
            device: notice.device,
            raw: notice.raw,
            result: notice.normalized,
            mangled: false
          },
          null
        )
      }),
    [record]
  )

  const last = log[0]
  return (
    <Card title={t('scan.panel.title')} style={{ marginTop: 24 }} data-testid="scan-test-panel">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('scan.panel.intro')}</Typography.Text>
        <Descriptions bordered column={1} size="small" title={t('scan.panel.lastScan')}>
          <Descriptions.Item label={t('scan.panel.source')}>
            <span data-testid="last-scan-source" data-source={last?.source ?? ''}>
              {last ? t(`scan.source.${last.source}`) : t('scan.panel.none')}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('scan.panel.device')}>
            <span data-testid="last-scan-device">{last?.device ?? ''}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('scan.panel.raw')}>
            <Typography.Text code data-testid="last-scan-raw">
              {last?.raw ?? ''}
            </Typography.Text>
          </Descriptions.Item>
          {normalize && (
            <Descriptions.Item label={t('devices.test.normalized')}>
              <ScanResultText result={last?.result ?? null} testId="last-scan-normalized" />
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('scan.panel.count')}>
            <span data-testid="scan-count">{count}</span>
          </Descriptions.Item>
        </Descriptions>
        {last?.mangled && (
          <Alert type="warning" showIcon title={t('scan.mangled.ime')} data-testid="last-scan-mangled" />
        )}
        {log.length > 1 && (
          <Table<TestScan>
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={log}
            caption={t('devices.test.history')}
            data-testid="scan-history"
            columns={[
              {
                title: t('devices.test.time'),
                dataIndex: 'at',
                render: (at: number) => clockText(at, info.timeZone)
              },
              {
                title: t('scan.panel.source'),
                dataIndex: 'source',
                render: (s: string) => t(`scan.source.${s}`)
              },
              { title: t('scan.panel.device'), dataIndex: 'device' },
              {
                title: t('scan.panel.raw'),
                dataIndex: 'raw',
                render: (raw: string) => <Typography.Text code>{raw}</Typography.Text>
              },
              ...(normalize
                ? [
                    {
                      title: t('devices.test.normalized'),
                      key: 'result',
                      render: (_: unknown, s: TestScan) => <ScanResultText result={s.result} />
                    }
                  ]
                : [])
            ]}
          />
        )}
        <Input
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('scan.panel.testFieldPlaceholder')}
          aria-label={t('scan.panel.testField')}
          data-testid="scan-test-field"
        />
        <Space>
          <Switch
            checked={cameraOn}
            onChange={setCameraOn}
            data-testid="camera-toggle"
            aria-label={t('scan.camera.toggle')}
          />
          <span>{t('scan.camera.toggle')}</span>
        </Space>
        {cameraOn && (
          <CameraView
            active={cameraOn}
            onScan={onRendererScan}
            {...(camera
              ? { formats: camera.formats, ...(camera.deviceId ? { deviceId: camera.deviceId } : {}) }
              : {})}
            {...(onCameraOpened ? { onRunning: onCameraOpened } : {})}
          />
        )}
      </Space>
    </Card>
  )
}
