/**
 * Keyboard-mode (wedge) scanners: the timing that tells a scan from typing, calibrated from a test scan.
 * An input method in the way is reported with the fix that always works: HID POS or serial mode.
 */
import { Alert, Button, InputNumber, Input, Select, Space, Switch, Typography } from 'antd'
import { AimOutlined } from '@ant-design/icons'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { WEDGE_SUFFIX_KEYS, type WedgeSettings } from '../../../shared/devices'
import { calibrateFromSample, sampleText, type Calibration } from '../scan/calibrate'
import type { WedgeKeyEvent } from '../scan/WedgeDetector'
import { Field } from '../components/Field'
import { useCalibrationRecorder } from './useCalibrationRecorder'

interface WedgeSectionProps {
  wedge: WedgeSettings
  onChange: (wedge: WedgeSettings) => void
  /** Calibration takes the keyboard: the page stops its own scan listener meanwhile. */
  onRecording: (recording: boolean) => void
}

export function WedgeSection({ wedge, onChange, onRecording }: WedgeSectionProps) {
  const { t } = useTranslation()
  const [recording, setRecording] = useState(false)
  const [result, setResult] = useState<{ calibration: Calibration; text: string } | null>(null)
  const record = (on: boolean) => {
    setRecording(on)
    onRecording(on)
  }
  useCalibrationRecorder(recording, (events: WedgeKeyEvent[]) => {
    record(false)
    // Timing starts from the defaults, not from an earlier calibration (which would only ever grow);
    // what the merchant chose about prefix and end keys is kept.
    const base = { prefix: wedge.prefix, suffixKeys: wedge.suffixKeys }
    setResult({ calibration: calibrateFromSample(events, base), text: sampleText(events) })
  })
  const set = (patch: Partial<WedgeSettings>) => onChange({ ...wedge, ...patch })
  const calibration = result?.calibration

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="wedge-section">
      <Typography.Text type="secondary">{t('devices.wedge.intro')}</Typography.Text>
      <Space wrap>
        <Button
          type="primary"
          size="large"
          icon={<AimOutlined />}
          onClick={() => {
            setResult(null)
            record(!recording)
          }}
          data-testid="wedge-calibrate"
        >
          {recording ? t('devices.wedge.cancel') : t('devices.wedge.calibrate')}
        </Button>
        {recording && (
          <Typography.Text strong data-testid="wedge-recording">
            {t('devices.wedge.recording')}
          </Typography.Text>
        )}
      </Space>
      {calibration && !calibration.ok && (
        <Alert type="warning" showIcon title={t('devices.wedge.tooShort')} data-testid="wedge-result" />
      )}
      {calibration?.ok && (
        <Alert
          type={calibration.warnings.length ? 'warning' : 'success'}
          showIcon
          data-testid="wedge-result"
          title={t('devices.wedge.measured', {
            n: calibration.stats.characters,
            mean: calibration.stats.meanGapMs.toFixed(1),
            max: calibration.stats.maxGapMs.toFixed(0),
            suffix: calibration.stats.suffix ?? t('devices.wedge.noSuffixKey'),
            text: result?.text ?? ''
          })}
          description={
            <Space orientation="vertical">
              {calibration.warnings.map((w) => (
                <span key={w} data-testid="wedge-warning" data-warning={w}>
                  {t(`devices.wedge.warnings.${w}`, { ms: calibration.config.maxGapMs })}
                </span>
              ))}
              <Button
                type="primary"
                onClick={() => {
                  onChange(calibration.config)
                  setResult(null)
                }}
                data-testid="wedge-apply"
              >
                {t('devices.wedge.apply', {
                  avg: calibration.config.avgMsPerChar,
                  gap: calibration.config.maxGapMs
                })}
              </Button>
            </Space>
          }
        />
      )}
      <div className="device-fields">
        <Field label={t('devices.wedge.avgMsPerChar')} help={t('devices.wedge.avgHelp')}>
          <InputNumber<number>
            min={5}
            max={300}
            precision={0}
            value={wedge.avgMsPerChar}
            onChange={(v) => v !== null && set({ avgMsPerChar: v })}
            data-testid="wedge-avg"
          />
        </Field>
        <Field label={t('devices.wedge.maxGapMs')}>
          <InputNumber<number>
            min={20}
            max={1000}
            precision={0}
            value={wedge.maxGapMs}
            onChange={(v) => v !== null && set({ maxGapMs: v })}
          />
        </Field>
        <Field label={t('devices.wedge.minLength')}>
          <InputNumber<number>
            min={1}
            max={64}
            precision={0}
            value={wedge.minLength}
            onChange={(v) => v !== null && set({ minLength: v })}
          />
        </Field>
        <Field label={t('devices.wedge.suffixKeys')}>
          <Select
            mode="multiple"
            value={wedge.suffixKeys}
            onChange={(suffixKeys) => set({ suffixKeys })}
            options={WEDGE_SUFFIX_KEYS.map((k) => ({ value: k, label: k }))}
          />
        </Field>
        <Field label={t('devices.prefix')} help={t('devices.wedge.prefixHelp')}>
          <Input value={wedge.prefix} maxLength={16} onChange={(e) => set({ prefix: e.target.value })} />
        </Field>
        <Field label={t('devices.wedge.requireSuffix')}>
          <Switch checked={wedge.requireSuffix} onChange={(requireSuffix) => set({ requireSuffix })} />
        </Field>
      </div>
      <Alert
        type="info"
        showIcon
        title={t('devices.wedge.imeTitle')}
        description={t('devices.wedge.imeBody')}
      />
    </Space>
  )
}
