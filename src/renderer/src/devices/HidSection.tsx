/**
 * USB HID scanners: what the station sees plugged in (HID POS collections first), and the configured
 * scanners with their live status. Matching by vendor/product id survives moving the scanner to another
 * USB port; the OS path does not, so it is optional.
 */
import { Input, Select, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { DeviceListing, DeviceStatus } from '../../../shared/devices'
import { hidFormForFound, hexId, type HidForm, type HidProtocol } from './deviceForms'
import { Field } from '../components/Field'
import { ScannerSection } from './ScannerSection'

interface HidSectionProps {
  forms: HidForm[]
  found: DeviceListing['hid']
  statusOf: (index: number) => DeviceStatus | undefined
  onChange: (forms: HidForm[]) => void
}

const PROTOCOLS: HidProtocol[] = ['auto', 'hid-pos', 'keyboard']
const BLANK: HidForm = { label: '', vendorId: '', productId: '', path: '', protocol: 'auto', rest: {} }

export function HidSection(props: HidSectionProps) {
  const { t } = useTranslation()
  return (
    <ScannerSection<HidForm, DeviceListing['hid'][number]>
      kind="hid"
      {...props}
      describeFound={(d) => (
        <>
          <span>{d.product ?? t('devices.hid.unnamed')}</span>
          <Typography.Text code>
            {hexId(d.vendorId)}:{hexId(d.productId)}
          </Typography.Text>
          <Tag>{t(`devices.hid.kinds.${d.kind}`, { defaultValue: d.kind })}</Tag>
        </>
      )}
      isConfigured={(d) =>
        props.forms.some((f) => f.vendorId.toLowerCase() === hexId(d.vendorId).toLowerCase())
      }
      formFor={hidFormForFound}
      blank={() => BLANK}
      titleOf={(f) => f.label || `${f.vendorId}:${f.productId}`}
      fields={(form, update) => (
        <>
          <Field label={t('devices.label')}>
            <Input value={form.label} maxLength={64} onChange={(e) => update({ label: e.target.value })} />
          </Field>
          <Field label={t('devices.hid.vendorId')}>
            <Input
              value={form.vendorId}
              placeholder="0x0C2E"
              onChange={(e) => update({ vendorId: e.target.value })}
            />
          </Field>
          <Field label={t('devices.hid.productId')}>
            <Input
              value={form.productId}
              placeholder={t('devices.optional')}
              onChange={(e) => update({ productId: e.target.value })}
            />
          </Field>
          <Field label={t('devices.hid.path')}>
            <Input
              value={form.path}
              placeholder="/dev/hidraw0"
              onChange={(e) => update({ path: e.target.value })}
            />
          </Field>
          <Field label={t('devices.hid.protocol')}>
            <Select<HidProtocol>
              value={form.protocol}
              onChange={(protocol) => update({ protocol })}
              options={PROTOCOLS.map((p) => ({ value: p, label: t(`devices.hid.protocols.${p}`) }))}
            />
          </Field>
        </>
      )}
    />
  )
}
