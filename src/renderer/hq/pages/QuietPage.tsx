/**
 * Stores not heard from: the longest silent first, each with its last event and last contact on the store's
 * own clock, how long ago, and how many events its tills report waiting. The state is a word and an icon, not a
 * colour alone.
 */
import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons'
import { Alert, Select, Table, Tag } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { HQ_PATHS, type QuietView, type StoreHealth } from '../../../shared/hub/hqProtocol'
import { getJson } from '../api'
import { atStore, duration, errorText, zoneName } from '../format'

const THRESHOLDS = [30, 60, 120, 240, 1440]

export function QuietPage({ onError }: { onError: (err: unknown) => void }) {
  const { t } = useTranslation()
  // null: the hub's own threshold (--quiet-after-minutes, docs/hq.md), which may be a fraction of a minute.
  const [minutes, setMinutes] = useState<number | null>(null)
  const [view, setView] = useState<QuietView | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    getJson<QuietView>(HQ_PATHS.quiet, { minutes: minutes ?? undefined }).then(setView, (err: unknown) => {
      onError(err)
      setError(errorText(err, t))
    })
  }, [minutes, onError, t])

  const when = (ms: number | null, zone: string) => atStore(ms, zone) ?? t('hq.quiet.never')
  const hubMinutes = view?.hubMinutes ?? null
  const label = (m: number): string => {
    const plain =
      m < 1
        ? t('hqQuietSetting.seconds', { count: Math.round(m * 60) })
        : m < 60
          ? t('hq.quiet.minutes', { count: m })
          : t('hq.quiet.hours', { count: m / 60 })
    return m === hubMinutes ? t('hqQuietSetting.hubSetting', { label: plain }) : plain
  }
  const choices = [...new Set([...THRESHOLDS, ...(hubMinutes === null ? [] : [hubMinutes])])].sort(
    (a, b) => a - b
  )
  const quietCount = view?.stores.filter((s) => s.quiet).length ?? 0
  return (
    <div data-testid="hq-quiet">
      <div className="hq-toolbar">
        <span>{t('hq.quiet.threshold')}</span>
        <Select
          style={{ width: 250 }}
          data-testid="quiet-threshold"
          value={minutes ?? hubMinutes ?? undefined}
          onChange={(m: number) => setMinutes(m === hubMinutes ? null : m)}
          options={choices.map((m) => ({ value: m, label: label(m) }))}
        />
        {view && <strong>{t('hq.quiet.summary', { quiet: quietCount, total: view.stores.length })}</strong>}
      </div>
      {error && <Alert type="error" showIcon title={error} />}
      {view && view.stores.length > 0 && quietCount === 0 && (
        <Alert type="success" showIcon title={t('hq.quiet.none')} />
      )}
      {view && (
        <Table<StoreHealth>
          size="small"
          rowKey="storeId"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={view.stores}
          expandable={{
            expandedRowRender: (store) => (
              <Table
                size="small"
                rowKey="tillId"
                pagination={false}
                dataSource={store.tills}
                columns={[
                  {
                    title: t('hq.quiet.tills'),
                    dataIndex: 'name',
                    render: (name: string, till) => (
                      <>
                        {name} {till.revoked && <Tag>{t('hq.quiet.revokedTill')}</Tag>}
                      </>
                    )
                  },
                  {
                    title: t('hq.quiet.lastEvent'),
                    dataIndex: 'lastEventAt',
                    render: (ms: number | null) => when(ms, store.timeZone)
                  },
                  {
                    title: t('hq.quiet.lastSeen'),
                    dataIndex: 'lastSeenAt',
                    render: (ms: number | null) => when(ms, store.timeZone)
                  },
                  {
                    title: t('hq.quiet.queue'),
                    dataIndex: 'queueDepth',
                    align: 'right',
                    render: (n: number | null) => (n === null ? '—' : t('hq.quiet.queueCount', { count: n }))
                  }
                ]}
              />
            )
          }}
          columns={[
            {
              title: '',
              key: 'state',
              width: 120,
              render: (_, s) =>
                s.quiet ? (
                  <span className="hq-state quiet" data-testid={`quiet-${s.storeId}`}>
                    <ExclamationCircleFilled /> {t('hq.quiet.quietTag')}
                  </span>
                ) : (
                  <span className="hq-state ok">
                    <CheckCircleFilled /> {t('hq.quiet.okTag')}
                  </span>
                )
            },
            { title: t('hq.day.store'), dataIndex: 'name' },
            { title: t('hq.tills.region'), dataIndex: 'region', width: 90 },
            {
              title: t('hq.quiet.lastEvent'),
              key: 'last',
              render: (_, s) => (
                <>
                  <div>{when(s.lastEventAt, s.timeZone)}</div>
                  {s.quiet && (
                    <div>
                      <strong>
                        {s.lastEventAt === null && s.lastSeenAt === null
                          ? t('hq.quiet.never')
                          : t('hq.quiet.silentFor', {
                              duration: duration(
                                view.checkedAt - Math.max(s.lastEventAt ?? 0, s.lastSeenAt ?? 0),
                                t
                              )
                            })}
                      </strong>
                    </div>
                  )}
                </>
              )
            },
            { title: t('hq.quiet.lastSeen'), key: 'seen', render: (_, s) => when(s.lastSeenAt, s.timeZone) },
            {
              title: t('hq.quiet.queue'),
              dataIndex: 'queueDepth',
              align: 'right',
              width: 110,
              render: (n: number) => t('hq.quiet.queueCount', { count: n })
            },
            {
              title: t('hq.quiet.zone'),
              key: 'zone',
              width: 150,
              render: (_, s) => zoneName(s.timeZone, t)
            }
          ]}
        />
      )}
    </div>
  )
}
