/**
 * Nothing past this gate without a signed-in, unlocked person: first run creates the first manager,
 * otherwise sign in; a locked session (by the button, the shortcut, inactivity, or main answering LOCKED)
 * shows the lock screen. The session lives in main; this only mirrors session.current.
 */
import { Alert, Button, Spin } from 'antd'
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '../../../shared/ipc/contracts/staff'
import type { AppError } from '../../../shared/result'
import { call, onSessionTrouble } from '../shell/call'
import { ScanTestPanel } from '../devices/ScanTestPanel'
import { errorText } from '../shell/errorText'
import { GateBar } from '../shell/GateBar'
import { StationFooter } from '../shell/StationFooter'
import { FirstRunScreen } from './FirstRunScreen'
import { LockScreen } from './LockScreen'
import { SessionContext, type SessionControl } from './session'
import { SignInScreen } from './SignInScreen'
import { useInactivityLock } from './useInactivityLock'
import './gate.css'

export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const [session, setSession] = useState<SessionInfo | null>(null)
  const [error, setError] = useState<AppError | null>(null)

  const refresh = useCallback(
    () =>
      call('session.current', undefined).then((result) => {
        if (result.ok) {
          setSession(result.value)
          setError(null)
        } else setError(result.error)
      }),
    []
  )

  useEffect(() => {
    void refresh()
  }, [refresh])

  useEffect(
    () =>
      onSessionTrouble((trouble) => {
        // Show the lock at once; session.current then confirms what main thinks.
        if (trouble === 'LOCKED') setSession((s) => (s ? { ...s, locked: true } : s))
        void refresh()
      }),
    [refresh]
  )

  const lock = useCallback(() => {
    setSession((s) => (s ? { ...s, locked: true } : s))
    void call('staff.lock', undefined).then(() => refresh())
  }, [refresh])

  const signOut = useCallback(() => {
    void call('staff.signOut', undefined).then(() => refresh())
  }, [refresh])

  const unlocked = Boolean(session?.staff && !session.locked)
  useInactivityLock(session?.lockAfterMs ?? 0, unlocked, lock)

  const control = useMemo<SessionControl | null>(
    () => (session?.staff ? { session, staff: session.staff, lock, signOut } : null),
    [session, lock, signOut]
  )

  if (!session) {
    if (error)
      return (
        <div className="gate">
          <Alert
            type="error"
            showIcon
            title={errorText(t, error)}
            action={<Button onClick={() => void refresh()}>{t('common.retry')}</Button>}
          />
        </div>
      )
    return <Spin size="large" description={t('app.loading')} className="gate" />
  }
  let gate: ReactNode = null
  if (session.needsFirstRun) gate = <FirstRunScreen onCreated={() => void refresh()} />
  else if (!session.staff) gate = <SignInScreen onSignedIn={() => void refresh()} />
  else if (session.locked)
    gate = <LockScreen staff={session.staff} onUnlocked={() => void refresh()} onSwitchUser={signOut} />
  if (gate || !control)
    return (
      <div className="gate-layout">
        <GateBar />
        <main className="gate">
          {gate}
          {/* Set-up can try the scanner before anyone signs in (and the wedge tests use it here). */}
          <ScanTestPanel />
        </main>
        <StationFooter />
      </div>
    )
  return <SessionContext value={control}>{children}</SessionContext>
}
