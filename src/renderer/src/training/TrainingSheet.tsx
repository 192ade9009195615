/**
 * The training sheet: every sample code of the sandbox with the outcome it shows, so a new cashier can
 * practise each one. "Scan" sends the code to the counter as a manual scan. A manager can reset the practice
 * (PracticeReset); the list is read again afterwards, because the sandbox is dated again.
 */
import { Alert, Button, Table } from 'antd'
import { ScanOutlined } from '@ant-design/icons'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TrainingScenarioView } from '../../../shared/ipc/contracts/training'
import type { AppError } from '../../../shared/result'
import { moneyText } from '../components/format'
import { OutcomeTag } from '../components/OutcomeTag'
import { useCounterHub } from '../counter/CounterHub'
import { call } from '../shell/call'
import { errorText } from '../shell/errorText'
import { useSession } from '../staff/session'
import { PracticeReset } from './PracticeReset'

export const TRAINING_DEVICE = 'training-sheet'

export function TrainingSheet() {
  const { t } = useTranslation()
  const { scanFromPage } = useCounterHub()
  const [rows, setRows] = useState<TrainingScenarioView[] | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [round, setRound] = useState(0)
  const { staff } = useSession()

  useEffect(() => {
    void call('training.scenarios', undefined).then((r) => (r.ok ? setRows(r.value) : setError(r.error)))
  }, [round])

  return (
    <div className="page training-sheet" data-testid="training-sheet">
      <h1 className="page-title">{t('training.title')}</h1>
      <p>{t('training.intro')}</p>
      {staff.role === 'manager' && <PracticeReset onDone={() => setRound((n) => n + 1)} />}
      {error && <Alert type="error" showIcon title={errorText(t, error)} />}
      <Table<TrainingScenarioView>
        rowKey="key"
        size="middle"
        pagination={false}
        loading={rows === null && !error}
        dataSource={rows ?? []}
        onRow={(row) => ({ 'data-testid': 'scenario', 'data-key': row.key, 'data-code': row.code }) as object}
        // Four columns so the sheet fits a 1024-px till at 125 % zoom: the code and the explanation sit
        // under the scenario's name, the follow-up under the expected outcome.
        columns={[
          {
            title: t('training.scenario'),
            key: 'title',
            render: (_, row) => (
              <div className="scenario-cell">
                <strong>{t(`trainingScenario.${row.key}.title`, row.params)}</strong>
                <span className="mono scenario-code">{row.code}</span>
                <span className="scenario-description">
                  {t(`trainingScenario.${row.key}.description`, row.params)}
                </span>
              </div>
            )
          },
          {
            title: t('training.expected'),
            key: 'expected',
            render: (_, row) => (
              <div className="scenario-cell">
                <OutcomeTag outcome={row.expected} />
                {row.followUp && (
                  <span>
                    {t('training.followUpBill', { bill: moneyText(row.followUp.billFen) })}{' '}
                    <OutcomeTag outcome={row.followUp.expected} />
                  </span>
                )}
              </div>
            )
          },
          {
            title: t('training.action'),
            key: 'scan',
            render: (_, row) => (
              <Button
                icon={<ScanOutlined />}
                data-testid="scenario-scan"
                aria-label={t('training.scanCode', {
                  title: t(`trainingScenario.${row.key}.title`, row.params)
                })}
                onClick={() => scanFromPage({ source: 'manual', device: TRAINING_DEVICE, raw: row.code })}
              >
                {t('training.scan')}
              </Button>
            )
          }
        ]}
      />
    </div>
  )
}
