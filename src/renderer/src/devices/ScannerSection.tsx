/**
 * The common frame of the HID and serial tabs: what main found plugged in (each with "add"), then one
 * card per configured scanner with its live status, its fields and "remove", then "add by hand". Main runs
 * at most eight of each kind.
 */
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd'
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeviceStatus } from '../../../shared/devices'
import { DeviceStatusTag } from './DeviceStatusTag'

const MAX_SCANNERS = 8

export interface ScannerSectionProps<Form, Found> {
  kind: 'hid' | 'serial'
  forms: Form[]
  found: readonly Found[]
  statusOf: (index: number) => DeviceStatus | undefined
  onChange: (forms: Form[]) => void
  /** One found device, described. */
  describeFound: (found: Found) => ReactNode
  isConfigured: (found: Found) => boolean
  formFor: (found: Found) => Form
  blank: () => Form
  titleOf: (form: Form) => string
  fields: (form: Form, update: (patch: Partial<Form>) => void) => ReactNode
}

export function ScannerSection<Form, Found>(props: ScannerSectionProps<Form, Found>) {
  const { t } = useTranslation()
  const { kind, forms, onChange } = props
  const full = forms.length >= MAX_SCANNERS
  const update = (i: number) => (patch: Partial<Form>) =>
    onChange(forms.map((f, j) => (j === i ? { ...f, ...patch } : f)))

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid={`${kind}-section`}>
      <Typography.Text type="secondary">{t(`devices.${kind}.intro`)}</Typography.Text>
      <List
        bordered
        size="small"
        header={<strong>{t(`devices.${kind}.found`)}</strong>}
        locale={{ emptyText: t(`devices.${kind}.none`) }}
        dataSource={[...props.found]}
        renderItem={(d) => (
          <List.Item
            data-testid={`${kind}-found`}
            actions={[
              <Button
                key="add"
                icon={<PlusOutlined />}
                disabled={full}
                onClick={() => onChange([...forms, props.formFor(d)])}
              >
                {t('devices.add')}
              </Button>
            ]}
          >
            <Space wrap>
              {props.describeFound(d)}
              {props.isConfigured(d) && <Tag color="blue">{t('devices.alreadyConfigured')}</Tag>}
            </Space>
          </List.Item>
        )}
      />
      {forms.length === 0 && <Empty description={t(`devices.${kind}.noneConfigured`)} />}
      {forms.map((form, i) => (
        <Card
          key={i}
          size="small"
          data-testid={`${kind}-config`}
          title={
            <Space>
              {props.titleOf(form)}
              <DeviceStatusTag status={props.statusOf(i)} />
            </Space>
          }
          extra={
            <Button icon={<DeleteOutlined />} onClick={() => onChange(forms.filter((_, j) => j !== i))}>
              {t('devices.remove')}
            </Button>
          }
        >
          <div className="device-fields">{props.fields(form, update(i))}</div>
        </Card>
      ))}
      <Button
        icon={<PlusOutlined />}
        disabled={full}
        onClick={() => onChange([...forms, props.blank()])}
        data-testid={`${kind}-add-manual`}
      >
        {t('devices.addManual')}
      </Button>
    </Space>
  )
}
