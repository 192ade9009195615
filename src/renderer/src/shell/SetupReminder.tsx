/**
 * A new station works at once (training on the built-in sandbox), so set-up is not forced on anyone; but
 * a manager is told, on every page but set-up itself, until the store, the WeChat connection and the rules
 * have been saved once — with one click to get there.
 */
import { Alert, Button } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from './call'

interface SetupReminderProps {
  onOpen: () => void
  refreshKey: string
  /** On the counter: one line, so the decision and its action keep their place above the fold. */
  compact?: boolean
}

export function SetupReminder({ onOpen, refreshKey, compact = false }: SetupReminderProps) {
  const { t } = useTranslation()
  const [firstRun, setFirstRun] = useState(false)
  useEffect(() => {
    let live = true
    void call('setup.get', undefined).then((r) => live && r.ok && setFirstRun(r.value.firstRun))
    return () => {
      live = false
    }
  }, [refreshKey])
  if (!firstRun) return null
  return (
    <Alert
      type="info"
      showIcon
      className={compact ? 'setup-reminder setup-reminder-compact' : 'setup-reminder'}
      data-testid="setup-reminder"
      title={t('setup.reminder.title')}
      description={compact ? undefined : t('setup.reminder.body')}
      action={
        <Button
          type="primary"
          size={compact ? 'small' : undefined}
          onClick={onOpen}
          data-testid="setup-reminder-open"
        >
          {t('setup.reminder.open')}
        </Button>
      }
    />
  )
}
