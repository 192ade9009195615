/** The audit log, newest first, with filters and the chain's verification (the same check as `npm run audit:verify`). */
import { Alert, Button, Input, Select, Table } from 'antd'
import { SafetyCertificateOutlined } from '@ant-design/icons'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditEntryView } from '../../../../shared/reports'
import { dateTimeText } from '../../components/format'
import { auditActionText, auditActorText, auditFields, auditSummary } from './auditText'
import { call } from '../../shell/call'
import { reportsErrorText } from './text'
import { useLoad } from '../../shell/useLoad'

const ACTIONS = ['redemption', 'conflict', 'day', 'backup', 'staff', 'settings', 'sync', 'training']
const PAGE = 50
/** The select's own value for "no filter" (a placeholder's grey text is too faint to read). */
const ALL = '*'

export function AuditPage({ zone }: { zone: string }) {
  const { t } = useTranslation()
  const [action, setAction] = useState<string | undefined>(undefined)
  const [actor, setActor] = useState('')
  const [extra, setExtra] = useState<AuditEntryView[]>([])
  const [round, setRound] = useState(0)
  const filters = { ...(action ? { action } : {}), ...(actor.trim() ? { actor: actor.trim() } : {}) }
  const page = useLoad(
    () => call('reports.audit', { ...filters, limit: PAGE }),
    `${JSON.stringify(filters)}|${round}`
  )
  const chain = useLoad(() => call('reports.auditVerify', undefined), `chain|${round}`)
  const entries = [...(page.value?.entries ?? []), ...extra]

  const more = async () => {
    const last = entries[entries.length - 1]
    if (!last) return
    const next = await call('reports.audit', { ...filters, limit: PAGE, beforeId: last.id })
    if (next.ok) setExtra((e) => [...e, ...next.value.entries])
  }
  const refilter = (change: () => void) => {
    change()
    setExtra([])
  }

  return (
    <div data-testid="audit-page">
      {chain.value &&
        (chain.value.ok ? (
          <Alert
            type="success"
            showIcon
            title={t('reports.audit.intact', { n: chain.value.checked })}
            data-testid="audit-chain"
            data-ok="true"
          />
        ) : (
          <Alert
            type="error"
            showIcon
            data-testid="audit-chain"
            data-ok="false"
            title={t('reports.audit.broken', {
              id: chain.value.firstBroken?.id ?? '?',
              reason: chain.value.firstBroken?.reason ?? ''
            })}
          />
        ))}
      {(page.error ?? chain.error) && (
        <Alert type="error" showIcon title={reportsErrorText(t, (page.error ?? chain.error)!)} />
      )}
      <div className="mgr-toolbar" style={{ marginTop: 12 }}>
        <Select
          style={{ width: 200 }}
          aria-label={t('reports.audit.action')}
          value={action ?? ALL}
          onChange={(v: string) => refilter(() => setAction(v === ALL ? undefined : v))}
          options={[
            { value: ALL, label: t('reports.audit.allActions') },
            ...ACTIONS.map((a) => ({ value: a, label: t(`reports.audit.groups.${a}`) }))
          ]}
          data-testid="audit-action"
        />
        <Input
          style={{ width: 200 }}
          allowClear
          aria-label={t('reports.audit.actorFilter')}
          placeholder={t('reports.audit.actorFilter')}
          value={actor}
          onChange={(e) => refilter(() => setActor(e.target.value))}
        />
        <Button
          icon={<SafetyCertificateOutlined />}
          onClick={() => refilter(() => setRound((n) => n + 1))}
          data-testid="audit-verify"
        >
          {t('reports.audit.verify')}
        </Button>
        <span className="grow" />
        <span>{t('reports.audit.total', { n: page.value?.total ?? 0 })}</span>
      </div>
      <Table<AuditEntryView>
        size="small"
        rowKey="id"
        loading={page.loading}
        dataSource={entries}
        pagination={false}
        onRow={(e) => ({ 'data-testid': 'audit-row', 'data-action': e.action }) as object}
        expandable={{
          expandedRowRender: (e) => (
            <dl className="audit-fields" data-testid="audit-fields">
              {auditFields(t, e, zone).map((f) => (
                <div key={f.label}>
                  <dt>{f.label}</dt>
                  <dd>{f.value}</dd>
                </div>
              ))}
            </dl>
          ),
          columnTitle: t('reports.audit.details')
        }}
        columns={[
          { title: '#', dataIndex: 'id', width: 64 },
          { title: t('reports.audit.at'), render: (_, e) => dateTimeText(e.at, zone), width: 170 },
          { title: t('reports.audit.action'), render: (_, e) => auditActionText(t, e.action), width: 150 },
          { title: t('reports.audit.actor'), render: (_, e) => auditActorText(t, e), width: 100 },
          { title: t('reports.audit.what'), render: (_, e) => auditSummary(t, e), ellipsis: true }
        ]}
      />
      {entries.length < (page.value?.total ?? 0) && (
        <Button style={{ marginTop: 8 }} onClick={() => void more()}>
          {t('reports.audit.more')}
        </Button>
      )}
    </div>
  )
}
