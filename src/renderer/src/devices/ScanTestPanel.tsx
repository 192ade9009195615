/**
 * A small panel to try the scanners: shows the last scan exactly as it arrived (control characters made
 * visible), starts the camera, and has a text field that proves scanner bursts never leak into fields.
 */
import { Alert, Card, Descriptions, Input, Space, Switch, Typography } from 'antd'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CameraView } from '../camera/CameraView'
import { escapeRaw } from '../scan/escapeRaw'
import type { RendererScan } from '../scan/types'
import { useWedgeScanner } from '../scan/useWedgeScanner'

export function ScanTestPanel() {
  const { t } = useTranslation()
  const [last, setLast] = useState<RendererScan | null>(null)
  const [count, setCount] = useState(0)
  const [cameraOn, setCameraOn] = useState(false)
  const [text, setText] = useState('')
  const onScan = useCallback((scan: RendererScan) => {
    setLast(scan)
    setCount((n) => n + 1)
  }, [])
  useWedgeScanner(onScan)

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
              {last ? escapeRaw(last.raw) : ''}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('scan.panel.count')}>
            <span data-testid="scan-count">{count}</span>
          </Descriptions.Item>
        </Descriptions>
        {last?.source === 'wedge' && last.mangled && (
          <Alert
            type="warning"
            showIcon
            title={t(`scan.mangled.${last.reason ?? 'ime'}`)}
            data-testid="last-scan-mangled"
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
        {cameraOn && <CameraView active={cameraOn} onScan={onScan} />}
      </Space>
    </Card>
  )
}
