/** Managers add cashiers and managers (name, role, PIN twice). PINs are never shown again. */
import { Alert, Button, Form, Input, List, Segmented, Tag } from 'antd'
import { UserAddOutlined } from '@ant-design/icons'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role, StaffSummary } from '../../../shared/ipc/contracts/staff'
import type { AppError } from '../../../shared/result'
import { call } from '../shell/call'
import { errorText } from '../shell/errorText'
import { NewPinFields } from '../staff/NewPinFields'

interface NewStaff {
  name: string
  role: Role
  pin: string
  pinAgain: string
}

export function StaffPage() {
  const { t } = useTranslation()
  const [form] = Form.useForm<NewStaff>()
  const [staff, setStaff] = useState<StaffSummary[]>([])
  const [error, setError] = useState<AppError | null>(null)
  const [created, setCreated] = useState<string | null>(null)

  const reload = useCallback(() => {
    void call('staff.list', undefined).then((r) => r.ok && setStaff(r.value))
  }, [])
  useEffect(reload, [reload])

  const create = async (values: NewStaff) => {
    const r = await call('staff.create', { name: values.name.trim(), role: values.role, pin: values.pin })
    if (!r.ok) return setError(r.error)
    setError(null)
    setCreated(r.value.name)
    form.resetFields()
    reload()
  }

  return (
    <div className="page staff-page" data-testid="page-staff">
      <h1 className="page-title">{t('nav.staff')}</h1>
      <div className="staff-columns">
        <List
          bordered
          header={<h2 className="section-title">{t('staffPage.list')}</h2>}
          dataSource={staff}
          renderItem={(s) => (
            <List.Item data-testid="staff-row">
              {s.name} <Tag>{t(`role.${s.role}`)}</Tag>
            </List.Item>
          )}
        />
        <Form<NewStaff>
          form={form}
          layout="vertical"
          size="large"
          className="staff-form"
          initialValues={{ role: 'cashier' }}
          requiredMark={false}
          onFinish={(v) => void create(v)}
        >
          <h2 className="section-title">{t('staffPage.add')}</h2>
          <Form.Item
            label={t('firstRun.name')}
            name="name"
            rules={[{ required: true, whitespace: true, message: t('firstRun.nameRequired') }]}
          >
            <Input autoComplete="off" maxLength={40} data-testid="staff-name" />
          </Form.Item>
          <Form.Item label={t('staffPage.role')} name="role">
            <Segmented<Role>
              options={[
                { label: t('role.cashier'), value: 'cashier' },
                { label: t('role.manager'), value: 'manager' }
              ]}
              aria-label={t('staffPage.role')}
            />
          </Form.Item>
          <NewPinFields testIdPrefix="staff" />
          <Button type="primary" htmlType="submit" icon={<UserAddOutlined />} data-testid="staff-submit">
            {t('staffPage.create')}
          </Button>
          {created && (
            <Alert
              type="success"
              showIcon
              role="status"
              className="form-note"
              data-testid="staff-created"
              title={t('staffPage.created', { name: created })}
            />
          )}
          {error && (
            <Alert type="error" showIcon role="alert" className="form-note" title={errorText(t, error)} />
          )}
        </Form>
      </div>
    </div>
  )
}
