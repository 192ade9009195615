/**
 * USB HID scanners: what the station sees plugged in (HID POS collections first), and the configured
 * scanners with their live status. Matching by vendor/product id survives moving the scanner to another
 * USB port; the OS path does not, so it is optional.
 */
import { Button, Card, Empty, Input, List, Select, Space, Tag, Typography } from 'antd'
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { DeviceListing, DeviceStatus } from '../../../shared/devices'
import { hidFormForFound, hexId, type HidForm, type HidProtocol } from './deviceForms'
import { DeviceStatusTag } from './DeviceStatusTag'
import { Field } from './Field'

interface HidSectionProps {
  forms: HidForm[]
  found: DeviceListing['hid']
  statusOf: (index: number) => DeviceStatus | undefined
  onChange: (forms: HidForm[]) => void
}

const PROTOCOLS: HidProtocol[] = ['auto', 'hid-pos', 'keyboard']

export function HidSection({ forms, found, statusOf, onChange }: HidSectionProps) {
  const { t } = useTranslation()
  const update = (i: number, patch: Partial<HidForm>) =>
    onChange(forms.map((f, j) => (j === i ? { ...f, ...patch } : f)))
  const configured = (d: DeviceListing['hid'][number]) =>
    forms.some((f) => f.vendorId.toLowerCase() === hexId(d.vendorId).toLowerCase())

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="hid-section">
      <Typography.Text type="secondary">{t('devices.hid.intro')}</Typography.Text>
      <List
        bordered
        size="small"
        header={<strong>{t('devices.hid.found')}</strong>}
        locale={{ emptyText: t('devices.hid.none') }}
        dataSource={found}
        renderItem={(d) => (
          <List.Item
            data-testid="hid-found"
            actions={[
              <Button
                key="add"
                icon={<PlusOutlined />}
                disabled={forms.length >= 8}
                onClick={() => onChange([...forms, hidFormForFound(d)])}
              >
                {t('devices.add')}
              </Button>
            ]}
          >
            <Space wrap>
              <span>{d.product ?? t('devices.hid.unnamed')}</span>
              <Typography.Text code>
                {hexId(d.vendorId)}:{hexId(d.productId)}
              </Typography.Text>
              <Tag>{t(`devices.hid.kinds.${d.kind}`, { defaultValue: d.kind })}</Tag>
              {configured(d) && <Tag color="blue">{t('devices.alreadyConfigured')}</Tag>}
            </Space>
          </List.Item>
        )}
      />
      {forms.length === 0 && <Empty description={t('devices.hid.noneConfigured')} />}
      {forms.map((form, i) => (
        <Card
          key={i}
          size="small"
          data-testid="hid-config"
          title={
            <Space>
              {form.label || `${form.vendorId}:${form.productId}`}
              <DeviceStatusTag status={statusOf(i)} />
            </Space>
          }
          extra={
            <Button
              icon={<DeleteOutlined />}
              onClick={() => onChange(forms.filter((_, j) => j !== i))}
              aria-label={t('devices.remove')}
            >
              {t('devices.remove')}
            </Button>
          }
        >
          <div className="device-fields">
            <Field label={t('devices.label')}>
              <Input
                value={form.label}
                maxLength={64}
                onChange={(e) => update(i, { label: e.target.value })}
              />
            </Field>
            <Field label={t('devices.hid.vendorId')}>
              <Input
                value={form.vendorId}
                placeholder="0x0C2E"
                onChange={(e) => update(i, { vendorId: e.target.value })}
              />
            </Field>
            <Field label={t('devices.hid.productId')}>
              <Input
                value={form.productId}
                placeholder={t('devices.optional')}
                onChange={(e) => update(i, { productId: e.target.value })}
              />
            </Field>
            <Field label={t('devices.hid.path')}>
              <Input
                value={form.path}
                placeholder="/dev/hidraw0"
                onChange={(e) => update(i, { path: e.target.value })}
              />
            </Field>
            <Field label={t('devices.hid.protocol')}>
              <Select<HidProtocol>
                value={form.protocol}
                onChange={(protocol) => update(i, { protocol })}
                options={PROTOCOLS.map((p) => ({ value: p, label: t(`devices.hid.protocols.${p}`) }))}
              />
            </Field>
          </div>
        </Card>
      ))}
      <Button
        icon={<PlusOutlined />}
        disabled={forms.length >= 8}
        onClick={() =>
          onChange([
            ...forms,
            { label: '', vendorId: '', productId: '', path: '', protocol: 'auto', rest: {} }
          ])
        }
        data-testid="hid-add-manual"
      >
        {t('devices.addManual')}
      </Button>
    </Space>
  )
}
