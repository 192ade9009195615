/**
 * Managers run the staff lifecycle here: add someone (name, role, PIN twice), reset a forgotten PIN,
 * change a role, deactivate someone who left and bring them back; a manager changes their own PIN with the
 * old one. Main enforces every rule (the last active manager stays, a deactivated person's sessions end);
 * this page says what happened in one message at a time. PINs are never shown again.
 */
import { Alert, Button, Form, Input, Modal, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd'
import type { ButtonProps } from 'antd'
import {
  CheckCircleOutlined,
  CrownOutlined,
  KeyOutlined,
  StopOutlined,
  UserAddOutlined,
  UserOutlined
} from '@ant-design/icons'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role, StaffMember, StaffSummary } from '../../../shared/ipc/contracts/staff'
import type { AppError, Result } from '../../../shared/result'
import { call } from '../shell/call'
import { errorText } from '../shell/errorText'
import { ChangePinDialog } from '../staff/ChangePinDialog'
import { NewPinFields } from '../staff/NewPinFields'
import { useSession } from '../staff/session'
import './staffPage.css'

interface NewStaff {
  name: string
  role: Role
  pin: string
  pinAgain: string
}

interface NewPin {
  pin: string
  pinAgain: string
}

/** One message at a time: an action's success replaces an earlier error and the other way round. */
type Note = { ok: true; text: string } | { ok: false; error: AppError }

const confirmProps = (testId: string) => ({ 'data-testid': testId }) as ButtonProps

export function StaffPage() {
  const { t } = useTranslation()
  const { staff: me, refresh: refreshSession } = useSession()
  const [form] = Form.useForm<NewStaff>()
  const [resetForm] = Form.useForm<NewPin>()
  const [staff, setStaff] = useState<StaffMember[]>([])
  const [loadError, setLoadError] = useState<AppError | null>(null)
  const [addNote, setAddNote] = useState<Note | null>(null)
  const [rowNote, setRowNote] = useState<Note | null>(null)
  const [resetting, setResetting] = useState<StaffMember | null>(null)
  const [resetError, setResetError] = useState<AppError | null>(null)
  const [changingOwn, setChangingOwn] = useState<StaffSummary | null>(null)

  const reload = useCallback(() => {
    void call('staff.listAll', undefined).then((r) => {
      if (r.ok) {
        setStaff(r.value)
        setLoadError(null)
      } else setLoadError(r.error)
    })
  }, [])
  useEffect(reload, [reload])

  const create = async (values: NewStaff) => {
    const r = await call('staff.create', { name: values.name.trim(), role: values.role, pin: values.pin })
    if (!r.ok) return setAddNote({ ok: false, error: r.error })
    setAddNote({ ok: true, text: t('staffPage.created', { name: r.value.name }) })
    form.resetFields()
    reload()
  }

  /** Runs a row action and says its outcome in the row message; the list is re-read either way. */
  const act = async <T,>(run: Promise<Result<T>>, success: (value: T) => string) => {
    const r = await run
    setRowNote(r.ok ? { ok: true, text: success(r.value) } : { ok: false, error: r.error })
    reload()
    return r.ok
  }

  // A manager who changed their own role (or deactivated themselves, with another manager left) sees the
  // station as it now is for them: the header, the pages they may open, or the sign-in screen.
  const afterSelf = (s: StaffMember) => (ok: boolean) => {
    if (ok && s.staffId === me.staffId) refreshSession()
  }

  const setActive = (s: StaffMember, active: boolean) =>
    void act(call('staff.setActive', { staffId: s.staffId, active }), () =>
      t(active ? 'staffPage.reactivated' : 'staffPage.deactivated', { name: s.name })
    ).then(afterSelf(s))

  const setRole = (s: StaffMember, role: Role) =>
    void act(call('staff.setRole', { staffId: s.staffId, role }), () =>
      t(role === 'manager' ? 'staffPage.nowManager' : 'staffPage.nowCashier', { name: s.name })
    ).then(afterSelf(s))

  const resetPin = async (values: NewPin) => {
    if (!resetting) return
    const r = await call('staff.resetPin', { staffId: resetting.staffId, newPin: values.pin })
    if (!r.ok) return setResetError(r.error)
    setRowNote({ ok: true, text: t('staffPage.pinReset', { name: resetting.name }) })
    closeReset()
    reload()
  }

  const closeReset = () => {
    setResetting(null)
    setResetError(null)
    resetForm.resetFields()
  }

  const rowActions = (s: StaffMember) => {
    const self = s.staffId === me.staffId
    if (!s.active)
      return (
        <Button
          icon={<CheckCircleOutlined />}
          onClick={() => setActive(s, true)}
          data-testid="staff-reactivate"
        >
          {t('staffPage.reactivate')}
        </Button>
      )
    const otherRole: Role = s.role === 'manager' ? 'cashier' : 'manager'
    return (
      <Space wrap size="small">
        {self ? (
          <Button
            icon={<KeyOutlined />}
            onClick={() => setChangingOwn(me)}
            data-testid="staff-change-own-pin"
          >
            {t('staffPage.changeMyPin')}
          </Button>
        ) : (
          <Button icon={<KeyOutlined />} onClick={() => setResetting(s)} data-testid="staff-reset-pin">
            {t('staffPage.resetPin')}
          </Button>
        )}
        <Popconfirm
          title={t(
            otherRole === 'manager' ? 'staffPage.makeManagerConfirm' : 'staffPage.makeCashierConfirm',
            {
              name: s.name
            }
          )}
          okText={t('staffPage.confirm')}
          cancelText={t('staffPage.cancel')}
          okButtonProps={confirmProps('staff-confirm')}
          onConfirm={() => setRole(s, otherRole)}
        >
          <Button
            icon={otherRole === 'manager' ? <CrownOutlined /> : <UserOutlined />}
            data-testid={otherRole === 'manager' ? 'staff-make-manager' : 'staff-make-cashier'}
          >
            {t(otherRole === 'manager' ? 'staffPage.makeManager' : 'staffPage.makeCashier')}
          </Button>
        </Popconfirm>
        <Popconfirm
          title={t('staffPage.deactivateConfirm', { name: s.name })}
          okText={t('staffPage.deactivate')}
          cancelText={t('staffPage.cancel')}
          okButtonProps={confirmProps('staff-confirm')}
          onConfirm={() => setActive(s, false)}
        >
          <Button icon={<StopOutlined />} data-testid="staff-deactivate">
            {t('staffPage.deactivate')}
          </Button>
        </Popconfirm>
      </Space>
    )
  }

  const noteAlert = (note: Note | null, testId: string) =>
    note &&
    (note.ok ? (
      <Alert
        type="success"
        showIcon
        role="status"
        className="form-note"
        data-testid={testId}
        title={note.text}
      />
    ) : (
      <Alert
        type="error"
        showIcon
        role="alert"
        className="form-note"
        data-testid={`${testId}-error`}
        data-code={note.error.code}
        title={errorText(t, note.error)}
      />
    ))

  return (
    <div className="page staff-page" data-testid="page-staff">
      <h1 className="page-title">{t('nav.staff')}</h1>
      {loadError && <Alert type="error" showIcon role="alert" title={errorText(t, loadError)} />}
      <div className="staff-columns">
        <section className="staff-list-section" aria-labelledby="staff-list-title">
          <h2 className="section-title" id="staff-list-title">
            {t('staffPage.list')}
          </h2>
          <Typography.Paragraph type="secondary">{t('staffPage.lastManagerNote')}</Typography.Paragraph>
          {noteAlert(rowNote, 'staff-note')}
          <Table<StaffMember>
            rowKey="staffId"
            dataSource={staff}
            pagination={false}
            size="middle"
            className="staff-table"
            onRow={(s) =>
              ({
                'data-testid': 'staff-row',
                'data-staff-name': s.name,
                'data-active': String(s.active),
                'data-role': s.role
              }) as object
            }
            columns={[
              {
                title: t('staffPage.name'),
                dataIndex: 'name',
                render: (name: string, s) => (
                  <span className={s.active ? undefined : 'staff-inactive-name'}>
                    {name}
                    {s.staffId === me.staffId ? t('staffPage.you') : ''}
                  </span>
                )
              },
              {
                title: t('staffPage.role'),
                dataIndex: 'role',
                render: (role: Role) => (
                  <Tag
                    icon={role === 'manager' ? <CrownOutlined /> : <UserOutlined />}
                    data-testid="staff-role"
                  >
                    {t(`role.${role}`)}
                  </Tag>
                )
              },
              {
                title: t('staffPage.status'),
                dataIndex: 'active',
                render: (active: boolean) =>
                  active ? (
                    <Tag icon={<CheckCircleOutlined />} data-testid="staff-status">
                      {t('staffPage.active')}
                    </Tag>
                  ) : (
                    <Tag icon={<StopOutlined />} data-testid="staff-status">
                      {t('staffPage.inactive')}
                    </Tag>
                  )
              },
              { title: t('staffPage.actions'), key: 'actions', render: (_: unknown, s) => rowActions(s) }
            ]}
          />
        </section>
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
          {addNote &&
            (addNote.ok ? (
              <Alert
                type="success"
                showIcon
                role="status"
                className="form-note"
                data-testid="staff-created"
                title={addNote.text}
              />
            ) : (
              <Alert
                type="error"
                showIcon
                role="alert"
                className="form-note"
                data-testid="staff-add-error"
                data-code={addNote.error.code}
                title={errorText(t, addNote.error)}
              />
            ))}
        </Form>
      </div>
      <Modal
        open={resetting !== null}
        onCancel={closeReset}
        footer={null}
        destroyOnHidden
        title={
          <span>
            <KeyOutlined aria-hidden /> {t('staffPage.resetPinTitle', { name: resetting?.name ?? '' })}
          </span>
        }
        data-testid="reset-pin-dialog"
      >
        <Typography.Paragraph>
          {t('staffPage.resetPinIntro', { name: resetting?.name ?? '' })}
        </Typography.Paragraph>
        <Form<NewPin>
          form={resetForm}
          layout="vertical"
          size="large"
          requiredMark={false}
          onFinish={(v) => void resetPin(v)}
        >
          <NewPinFields
            testIdPrefix="reset-pin"
            labels={{ pin: t('changePin.newPin'), again: t('changePin.newPinAgain') }}
          />
          {resetError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              className="form-note"
              data-testid="reset-pin-error"
              data-code={resetError.code}
              title={errorText(t, resetError)}
            />
          )}
          <Button type="primary" htmlType="submit" block className="form-note" data-testid="reset-pin-submit">
            {t('staffPage.resetPinSubmit')}
          </Button>
        </Form>
      </Modal>
      <ChangePinDialog
        staff={changingOwn}
        onClose={() => setChangingOwn(null)}
        onChanged={(who) => {
          setChangingOwn(null)
          setRowNote({ ok: true, text: t('changePin.done', { name: who.name }) })
        }}
      />
    </div>
  )
}
