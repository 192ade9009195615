/**
 * Serial and USB-CDC scanners and scan boxes (扫码盒子). The path is free text: pseudo-terminals and the
 * stable /dev/serial/by-id links are not in the OS list, and a port that is unplugged today is still
 * configured for tomorrow.
 */
import { Input, InputNumber, Select, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { DeviceListing, DeviceStatus } from '../../../shared/devices'
import {
  BAUD_RATES,
  serialFormForPath,
  type DelimiterChoice,
  type Parity,
  type SerialForm
} from './deviceForms'
import { Field } from '../components/Field'
import { ScannerSection } from './ScannerSection'

interface SerialSectionProps {
  forms: SerialForm[]
  found: DeviceListing['serial']
  statusOf: (index: number) => DeviceStatus | undefined
  onChange: (forms: SerialForm[]) => void
}

const PARITIES: Parity[] = ['none', 'even', 'odd', 'mark', 'space']
const DELIMITERS: DelimiterChoice[] = ['CR', 'LF', 'CRLF', 'byte']

export function SerialSection(props: SerialSectionProps) {
  const { t } = useTranslation()
  return (
    <ScannerSection<SerialForm, DeviceListing['serial'][number]>
      kind="serial"
      {...props}
      describeFound={(p) => (
        <>
          <Typography.Text code>{p.path}</Typography.Text>
          {p.manufacturer && <span>{p.manufacturer}</span>}
          <Tag>{t(`devices.serial.kinds.${p.kind}`, { defaultValue: p.kind })}</Tag>
        </>
      )}
      isConfigured={(p) => props.forms.some((f) => f.path === p.path)}
      formFor={(p) => serialFormForPath(p.path, p.manufacturer ?? '')}
      blank={() => serialFormForPath('')}
      titleOf={(f) => f.label || f.path || t('devices.serial.newPort')}
      fields={(form, update) => (
        <>
          <Field label={t('devices.serial.path')} help={t('devices.serial.pathHelp')}>
            <Input
              value={form.path}
              placeholder="/dev/ttyACM0 · COM3"
              onChange={(e) => update({ path: e.target.value })}
              data-testid="serial-path"
            />
          </Field>
          <Field label={t('devices.label')}>
            <Input value={form.label} maxLength={64} onChange={(e) => update({ label: e.target.value })} />
          </Field>
          <Field label={t('devices.serial.baudRate')}>
            <Select<number>
              value={form.baudRate}
              onChange={(baudRate) => update({ baudRate })}
              showSearch
              options={[...new Set([...BAUD_RATES, form.baudRate])].map((b) => ({
                value: b,
                label: String(b)
              }))}
            />
          </Field>
          <Field label={t('devices.serial.dataBits')}>
            <Select<SerialForm['dataBits']>
              value={form.dataBits}
              onChange={(dataBits) => update({ dataBits })}
              options={([8, 7, 6, 5] as const).map((b) => ({ value: b, label: String(b) }))}
            />
          </Field>
          <Field label={t('devices.serial.parity')}>
            <Select<Parity>
              value={form.parity}
              onChange={(parity) => update({ parity })}
              options={PARITIES.map((p) => ({ value: p, label: t(`devices.serial.parities.${p}`) }))}
            />
          </Field>
          <Field label={t('devices.serial.stopBits')}>
            <Select<SerialForm['stopBits']>
              value={form.stopBits}
              onChange={(stopBits) => update({ stopBits })}
              options={([1, 1.5, 2] as const).map((b) => ({ value: b, label: String(b) }))}
            />
          </Field>
          <Field label={t('devices.serial.delimiter')}>
            <Select<DelimiterChoice>
              value={form.delimiter}
              onChange={(delimiter) => update({ delimiter })}
              options={DELIMITERS.map((d) => ({ value: d, label: t(`devices.serial.delimiters.${d}`) }))}
            />
          </Field>
          {form.delimiter === 'byte' && (
            <Field label={t('devices.serial.delimiterByte')}>
              <InputNumber<number>
                min={0}
                max={255}
                precision={0}
                value={form.delimiterByte}
                onChange={(v) => update({ delimiterByte: v ?? 0 })}
              />
            </Field>
          )}
          <Field label={t('devices.prefix')}>
            <Input value={form.prefix} maxLength={32} onChange={(e) => update({ prefix: e.target.value })} />
          </Field>
          <Field label={t('devices.suffix')}>
            <Input value={form.suffix} maxLength={32} onChange={(e) => update({ suffix: e.target.value })} />
          </Field>
        </>
      )}
    />
  )
}
