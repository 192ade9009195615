/**
 * The manager's end of day (the shell's "day" page): the day report, the Z reports, the audit log and the
 * backups as tabs of one page, so the shell's page list stays as it is. Closing the day opens its Z report.
 */
import { Tabs } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useStation } from '../../shell/stationContext'
import { AuditPage } from './AuditPage'
import { BackupsPage } from './BackupsPage'
import { DayPage } from './DayPage'
import './manager.css'
import { ZReportPage } from './ZReportPage'

type Tab = 'day' | 'z' | 'audit' | 'backups'

export function ManagerHub() {
  const { t } = useTranslation()
  const { info } = useStation()
  const [tab, setTab] = useState<Tab>('day')
  const [zNumber, setZNumber] = useState<number | null>(null)
  return (
    <div className="page mgr-hub" data-testid="page-day" data-tab={tab}>
      <h1 className="page-title no-print">{t('nav.day')}</h1>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        destroyOnHidden
        items={[
          {
            key: 'day',
            label: <span data-testid="tab-day">{t('reports.tabs.day')}</span>,
            children: (
              <DayPage
                onClosed={(report) => {
                  setZNumber(report.body.number)
                  setTab('z')
                }}
              />
            )
          },
          {
            key: 'z',
            label: <span data-testid="tab-z">{t('reports.tabs.z')}</span>,
            children: <ZReportPage number={zNumber} onOpen={setZNumber} />
          },
          {
            key: 'audit',
            label: <span data-testid="tab-audit">{t('reports.tabs.audit')}</span>,
            children: <AuditPage zone={info.timeZone} />
          },
          {
            key: 'backups',
            label: <span data-testid="tab-backups">{t('reports.tabs.backups')}</span>,
            children: <BackupsPage zone={info.timeZone} />
          }
        ]}
      />
    </div>
  )
}
