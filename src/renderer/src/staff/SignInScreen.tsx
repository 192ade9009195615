/**
 * Pick your name, type your PIN. Wrong PINs and the lockout after too many are said plainly. Conflicts waiting
 * for a manager and a sync pause are said before anyone signs in, so the manager knows at once. Once a name is
 * chosen, that person may change their PIN here (the current PIN proves it), cashiers included.
 */
import { Alert, Button, Card, Tag, Typography } from 'antd'
import { KeyOutlined, UserOutlined } from '@ant-design/icons'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StaffSummary } from '../../../shared/ipc/contracts/staff'
import type { AppError } from '../../../shared/result'
import { call } from '../shell/call'
import { errorText } from '../shell/errorText'
import { SignInAttention } from '../shell/SyncAttention'
import { ChangePinDialog } from './ChangePinDialog'
import { PinPad } from './PinPad'

export function SignInScreen({
  deactivated = false,
  onSignedIn
}: {
  /** Main signed the last person out because a manager deactivated them. */
  deactivated?: boolean
  onSignedIn: () => void
}) {
  const { t } = useTranslation()
  const [staff, setStaff] = useState<StaffSummary[] | null>(null)
  const [chosen, setChosen] = useState<StaffSummary | null>(null)
  const [pin, setPin] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const [changing, setChanging] = useState<StaffSummary | null>(null)
  const [changed, setChanged] = useState<string | null>(null)

  const loadStaff = useCallback(() => {
    void call('staff.list', undefined).then((r) => (r.ok ? setStaff(r.value) : setError(r.error)))
  }, [])
  useEffect(loadStaff, [loadStaff])

  const signIn = async () => {
    if (!chosen) return
    setBusy(true)
    const result = await call('staff.signIn', { staffId: chosen.staffId, pin })
    setBusy(false)
    setPin('')
    if (result.ok) return onSignedIn()
    setError(result.error)
    // The list was older than a manager's change: show who may sign in now (the message stays).
    if (result.error.code === 'STAFF_INACTIVE' || result.error.code === 'UNKNOWN_STAFF') {
      setChosen(null)
      loadStaff()
    }
  }

  return (
    <Card className="gate-card" title={<h1 className="gate-title">{t('signIn.title')}</h1>}>
      <SignInAttention />
      {deactivated && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          className="gate-note"
          data-testid="signin-deactivated"
          title={t('signIn.deactivated')}
        />
      )}
      <Typography.Paragraph>{chosen ? t('signIn.typePin') : t('signIn.pickName')}</Typography.Paragraph>
      <div className="staff-grid" role="group" aria-label={t('signIn.staffList')}>
        {(staff ?? []).map((s) => (
          <Button
            key={s.staffId}
            size="large"
            className="staff-button"
            type={chosen?.staffId === s.staffId ? 'primary' : 'default'}
            aria-pressed={chosen?.staffId === s.staffId}
            icon={<UserOutlined />}
            data-testid="staff-choice"
            data-staff-name={s.name}
            onClick={() => {
              setChosen(s)
              setPin('')
              setError(null)
              setChanged(null)
            }}
          >
            {s.name}
            <Tag className="role-tag">{t(`role.${s.role}`)}</Tag>
          </Button>
        ))}
      </div>
      {chosen && (
        <PinPad
          key={chosen.staffId}
          value={pin}
          onChange={setPin}
          onSubmit={() => void signIn()}
          label={t('signIn.pinOf', { name: chosen.name })}
          busy={busy}
          testId="signin-pin"
        />
      )}
      {chosen && (
        <Button
          type="link"
          icon={<KeyOutlined />}
          className="change-pin-link"
          onClick={() => setChanging(chosen)}
          data-testid="signin-change-pin"
        >
          {t('signIn.changePin')}
        </Button>
      )}
      {changed && (
        <Alert type="success" showIcon role="status" data-testid="signin-pin-changed" title={changed} />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="signin-error"
          data-code={error.code}
          title={errorText(t, error)}
        />
      )}
      <ChangePinDialog
        staff={changing}
        onClose={() => setChanging(null)}
        onChanged={(who) => {
          setChanging(null)
          setError(null)
          setChanged(t('changePin.done', { name: who.name }))
        }}
      />
    </Card>
  )
}
