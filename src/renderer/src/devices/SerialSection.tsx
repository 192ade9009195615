/**
 * Serial and USB-CDC scanners and scan boxes (扫码盒子). The path is free text: pseudo-terminals and the
 * stable /dev/serial/by-id links are not in the OS list, and a port that is unplugged today is still
 * configured for tomorrow.
 */
import { Button, Card, Empty, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd'
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { DeviceListing, DeviceStatus } from '../../../shared/devices'
import {
  BAUD_RATES,
  serialFormForPath,
  type DelimiterChoice,
  type Parity,
  type SerialForm
} from './deviceForms'
import { DeviceStatusTag } from './DeviceStatusTag'
import { Field } from './Field'

interface SerialSectionProps {
  forms: SerialForm[]
  found: DeviceListing['serial']
  statusOf: (index: number) => DeviceStatus | undefined
  onChange: (forms: SerialForm[]) => void
}

const PARITIES: Parity[] = ['none', 'even', 'odd', 'mark', 'space']
const DELIMITERS: DelimiterChoice[] = ['CR', 'LF', 'CRLF', 'byte']

export function SerialSection({ forms, found, statusOf, onChange }: SerialSectionProps) {
  const { t } = useTranslation()
  const update = (i: number, patch: Partial<SerialForm>) =>
    onChange(forms.map((f, j) => (j === i ? { ...f, ...patch } : f)))

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="serial-section">
      <Typography.Text type="secondary">{t('devices.serial.intro')}</Typography.Text>
      <List
        bordered
        size="small"
        header={<strong>{t('devices.serial.found')}</strong>}
        locale={{ emptyText: t('devices.serial.none') }}
        dataSource={found}
        renderItem={(p) => (
          <List.Item
            data-testid="serial-found"
            actions={[
              <Button
                key="add"
                icon={<PlusOutlined />}
                disabled={forms.length >= 8}
                onClick={() => onChange([...forms, serialFormForPath(p.path, p.manufacturer ?? '')])}
              >
                {t('devices.add')}
              </Button>
            ]}
          >
            <Space wrap>
              <Typography.Text code>{p.path}</Typography.Text>
              {p.manufacturer && <span>{p.manufacturer}</span>}
              <Tag>{t(`devices.serial.kinds.${p.kind}`, { defaultValue: p.kind })}</Tag>
              {forms.some((f) => f.path === p.path) && (
                <Tag color="blue">{t('devices.alreadyConfigured')}</Tag>
              )}
            </Space>
          </List.Item>
        )}
      />
      {forms.length === 0 && <Empty description={t('devices.serial.noneConfigured')} />}
      {forms.map((form, i) => (
        <Card
          key={i}
          size="small"
          data-testid="serial-config"
          title={
            <Space>
              {form.label || form.path || t('devices.serial.newPort')}
              <DeviceStatusTag status={statusOf(i)} />
            </Space>
          }
          extra={
            <Button icon={<DeleteOutlined />} onClick={() => onChange(forms.filter((_, j) => j !== i))}>
              {t('devices.remove')}
            </Button>
          }
        >
          <div className="device-fields">
            <Field label={t('devices.serial.path')} help={t('devices.serial.pathHelp')}>
              <Input
                value={form.path}
                placeholder="/dev/ttyACM0 · COM3"
                onChange={(e) => update(i, { path: e.target.value })}
                data-testid="serial-path"
              />
            </Field>
            <Field label={t('devices.label')}>
              <Input
                value={form.label}
                maxLength={64}
                onChange={(e) => update(i, { label: e.target.value })}
              />
            </Field>
            <Field label={t('devices.serial.baudRate')}>
              <Select<number>
                value={form.baudRate}
                onChange={(baudRate) => update(i, { baudRate })}
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
                onChange={(dataBits) => update(i, { dataBits })}
                options={([8, 7, 6, 5] as const).map((b) => ({ value: b, label: String(b) }))}
              />
            </Field>
            <Field label={t('devices.serial.parity')}>
              <Select<Parity>
                value={form.parity}
                onChange={(parity) => update(i, { parity })}
                options={PARITIES.map((p) => ({ value: p, label: t(`devices.serial.parities.${p}`) }))}
              />
            </Field>
            <Field label={t('devices.serial.stopBits')}>
              <Select<SerialForm['stopBits']>
                value={form.stopBits}
                onChange={(stopBits) => update(i, { stopBits })}
                options={([1, 1.5, 2] as const).map((b) => ({ value: b, label: String(b) }))}
              />
            </Field>
            <Field label={t('devices.serial.delimiter')}>
              <Select<DelimiterChoice>
                value={form.delimiter}
                onChange={(delimiter) => update(i, { delimiter })}
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
                  onChange={(v) => update(i, { delimiterByte: v ?? 0 })}
                />
              </Field>
            )}
            <Field label={t('devices.prefix')}>
              <Input
                value={form.prefix}
                maxLength={32}
                onChange={(e) => update(i, { prefix: e.target.value })}
              />
            </Field>
            <Field label={t('devices.suffix')}>
              <Input
                value={form.suffix}
                maxLength={32}
                onChange={(e) => update(i, { suffix: e.target.value })}
              />
            </Field>
          </div>
        </Card>
      ))}
      <Button
        icon={<PlusOutlined />}
        disabled={forms.length >= 8}
        onClick={() => onChange([...forms, serialFormForPath('')])}
        data-testid="serial-add-manual"
      >
        {t('devices.addManual')}
      </Button>
    </Space>
  )
}
