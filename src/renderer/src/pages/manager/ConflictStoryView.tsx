/** One conflict or rejection with its whole story: the redemption, the decision, the scan, every sync attempt and reply, the audit trail. */
import { Descriptions, Table, Tag, Timeline } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AuditEntryView, ConflictStory, SyncAttemptView } from '../../../../shared/reports'
import { describeSyncReason } from '../../../../shared/sync'
import { StatusTag, TAG_COLOURS } from '../../components/StatusTag'
import { dateTimeText, moneyText } from '../../components/format'

export function ConflictStoryView({ story, zone }: { story: ConflictStory; zone: string }) {
  const { t } = useTranslation()
  const r = story.redemption
  const money = (fen: number | null) => (fen === null ? '—' : moneyText(fen))
  return (
    <div className="mgr-story" data-testid="conflict-story" data-id={r.id}>
      <h3>{t('reports.conflicts.redemption')}</h3>
      <Descriptions size="small" bordered column={2} styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('reports.drill.code')}>{r.code}</Descriptions.Item>
        <Descriptions.Item label={t('reports.drill.card')}>
          {r.cardTitle || t('reports.day.noCard')}
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.drill.at')}>
          {dateTimeText(r.at, zone)}
          {r.afterClose && (
            <Tag color={TAG_COLOURS.orange} variant="solid" data-testid="story-after-close">
              {t('reports.drill.afterClose')}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.drill.cashier')}>
          {r.cashierName} · {r.stationName}
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.drill.bill')}>{money(r.billFen)}</Descriptions.Item>
        <Descriptions.Item label={t('reports.drill.discount')}>{money(r.discountFen)}</Descriptions.Item>
        <Descriptions.Item label={t('money.payable')}>{money(r.payableFen)}</Descriptions.Item>
        <Descriptions.Item label={t('reports.drill.channel')}>
          {t(r.online ? 'reports.day.online' : 'reports.day.offline')}
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.drill.status')}>
          <StatusTag status={r.status} stale={r.stale} />
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.conflicts.reason')}>
          <span data-testid="conflict-reason">
            {r.statusReason ? describeSyncReason(t, r.statusReason) : '—'}
          </span>
        </Descriptions.Item>
      </Descriptions>

      <h3>{t('reports.conflicts.decision')}</h3>
      <p>
        <Tag>{story.decision.outcome}</Tag>
        {story.decision.reasons.map((code) => (
          <Tag key={code}>{code}</Tag>
        ))}
        {r.approvedBy && <span>{t('redeemed.approvedBy', { name: r.approvedBy })}</span>}
      </p>
      <h3>{t('reports.conflicts.scan')}</h3>
      <p>
        {story.scan
          ? `${dateTimeText(story.scan.at, zone)} · ${story.scan.source} · ${story.scan.device}`
          : t('reports.conflicts.noScan')}
      </p>

      <h3>{t('reports.conflicts.attempts')}</h3>
      <Table<SyncAttemptView>
        size="small"
        pagination={false}
        rowKey={(a) => `${a.kind}-${a.startedAt}`}
        dataSource={story.attempts}
        locale={{ emptyText: t('reports.conflicts.noAttempts') }}
        onRow={() => ({ 'data-testid': 'attempt' }) as object}
        columns={[
          { title: t('reports.drill.at'), render: (_, a) => dateTimeText(a.startedAt, zone) },
          { title: t('reports.conflicts.attemptKind'), dataIndex: 'kind' },
          {
            title: t('reports.conflicts.attemptOutcome'),
            render: (_, a) => `${a.outcome ?? '…'}${a.errcode === null ? '' : ` (${a.errcode})`}`
          },
          { title: t('reports.conflicts.attemptDetail'), dataIndex: 'detail', ellipsis: true }
        ]}
      />
      <h3>{t('reports.conflicts.auditTrail')}</h3>
      <Timeline
        items={story.audit.map((a: AuditEntryView) => ({
          key: a.id,
          content: `${dateTimeText(a.at, zone)} · ${a.action} · ${a.actorName ?? '—'}`
        }))}
      />
    </div>
  )
}
