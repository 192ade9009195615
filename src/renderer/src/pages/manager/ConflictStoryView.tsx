/** One conflict or rejection with its whole story: the redemption, the decision, the scan, every sync attempt and reply, the audit trail. */
import { Descriptions, Table, Tag, Timeline } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AuditEntryView, ConflictStory, SyncAttemptView } from '../../../../shared/reports'
import { reasonText, REASON_CODES, type ReasonCode } from '../../../../shared/rules'
import { describeSyncReason } from '../../../../shared/sync'
import { StatusTag, TAG_COLOURS } from '../../components/StatusTag'
import { dateTimeText, moneyText } from '../../components/format'
import { auditActionText, auditActorText } from './auditText'

const isReasonCode = (code: string): code is ReasonCode => (REASON_CODES as readonly string[]).includes(code)

export function ConflictStoryView({ story, zone }: { story: ConflictStory; zone: string }) {
  const { t } = useTranslation()
  const r = story.redemption
  const money = (fen: number | null) => (fen === null ? '—' : moneyText(fen))
  return (
    <div className="mgr-story" data-testid="conflict-story" data-id={r.id}>
      <h3>{t('reports.conflicts.redemption')}</h3>
      {/* One column until the screen is wide: the story sits beside the list, and labels must not wrap. */}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 1, lg: 1, xl: 1, xxl: 2 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
      >
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
      {/* Words, not codes (issue 15): the outcome as the counter said it, each reason as its sentence. */}
      <div data-testid="story-decision">
        <p>
          <Tag>{t(`decision.title.${story.decision.outcome}`, { defaultValue: story.decision.outcome })}</Tag>
          {r.approvedBy && <span>{t('redeemed.approvedBy', { name: r.approvedBy })}</span>}
        </p>
        {story.decision.reasons.length > 0 && (
          <ul className="mgr-story-reasons">
            {story.decision.reasons.map((code) => (
              <li key={code}>{isReasonCode(code) ? reasonText(t, code, {}) : code}</li>
            ))}
          </ul>
        )}
      </div>
      <h3>{t('reports.conflicts.scan')}</h3>
      <p data-testid="story-scan">
        {story.scan
          ? `${dateTimeText(story.scan.at, zone)} · ${t(`scan.source.${story.scan.source}`, {
              defaultValue: story.scan.source
            })}`
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
          {
            title: t('reports.conflicts.attemptKind'),
            render: (_, a) => t(`reports.conflicts.attemptKinds.${a.kind}`, { defaultValue: a.kind })
          },
          {
            title: t('reports.conflicts.attemptOutcome'),
            render: (_, a) =>
              a.outcome === null
                ? t('reports.conflicts.attemptOutcomes.pending')
                : t(`reports.conflicts.attemptOutcomes.${a.outcome}`, { defaultValue: a.outcome })
          },
          {
            // The raw reply (errcode, "connection failed (ECONNREFUSED)") is for whoever asks: folded away.
            title: t('reports.conflicts.attemptDetail'),
            render: (_, a) =>
              a.detail || a.errcode !== null ? (
                <details className="mgr-tech" data-testid="attempt-tech">
                  <summary>{t('reports.conflicts.technical')}</summary>
                  <span className="mono">
                    {a.errcode === null ? '' : `errcode ${a.errcode} `}
                    {a.detail ?? ''}
                  </span>
                </details>
              ) : (
                '—'
              )
          }
        ]}
      />
      <h3>{t('reports.conflicts.auditTrail')}</h3>
      <Timeline
        items={story.audit.map((a: AuditEntryView) => ({
          key: a.id,
          content: `${dateTimeText(a.at, zone)} · ${auditActionText(t, a.action)} · ${auditActorText(t, a)}`
        }))}
      />
    </div>
  )
}
