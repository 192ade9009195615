/**
 * Cross-store duplicates: one coupon redeemed in two places, both stories side by side (which store, till,
 * cashier, when on that store's clock, how much), the first that stands and the second found as a duplicate.
 */
import { Alert, Card, Descriptions, Empty, Tag } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { HQ_PATHS, type DuplicateView, type RedemptionStory } from '../../../shared/hub/hqProtocol'
import { getJson } from '../api'
import { atStore, errorText, yuan } from '../format'

function Story({ story, label, tone }: { story: RedemptionStory; label: string; tone: 'first' | 'second' }) {
  const { t } = useTranslation()
  const status = story.status
    ? (() => {
        const key = `hq.status.${story.status}`
        const word = t(key)
        return word === key ? t('hq.status.other') : word
      })()
    : t('hq.duplicates.unknown')
  return (
    <Card
      size="small"
      title={<Tag color={tone === 'first' ? 'green' : 'red'}>{label}</Tag>}
      data-testid={`story-${tone}`}
    >
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('hq.duplicates.store')}>{story.storeName}</Descriptions.Item>
        <Descriptions.Item label={t('hq.duplicates.till')}>{story.tillName}</Descriptions.Item>
        <Descriptions.Item label={t('hq.duplicates.cashier')}>
          {story.cashierName || t('hq.duplicates.unknown')}
        </Descriptions.Item>
        <Descriptions.Item label={t('hq.duplicates.time')}>
          {atStore(story.at, story.timeZone)}
        </Descriptions.Item>
        <Descriptions.Item label={t('hq.duplicates.amount')}>
          {story.amountFen === null ? t('hq.duplicates.unknown') : yuan(story.amountFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('hq.duplicates.status')}>{status}</Descriptions.Item>
      </Descriptions>
    </Card>
  )
}

export function DuplicatesPage({ onError }: { onError: (err: unknown) => void }) {
  const { t } = useTranslation()
  const [list, setList] = useState<DuplicateView[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    getJson<{ duplicates: DuplicateView[] }>(HQ_PATHS.duplicates).then(
      (v) => setList(v.duplicates),
      (err: unknown) => {
        onError(err)
        setError(errorText(err, t))
      }
    )
  }, [onError, t])
  return (
    <div data-testid="hq-duplicates">
      {error && <Alert type="error" showIcon title={error} />}
      {list && list.length === 0 && <Empty description={t('hq.duplicates.none')} />}
      {list && list.length > 0 && (
        <div className="hq-toolbar">
          <strong>{t('hq.duplicates.count', { count: list.length })}</strong>
        </div>
      )}
      {list?.map((d) => (
        <Card
          key={d.id}
          size="small"
          style={{ marginBottom: 12 }}
          title={`${t('hq.duplicates.title')} · ${d.cardTitle || d.cardId}`}
          extra={
            <span>
              {t('hq.duplicates.code')} {d.codeMasked} · {t('hq.duplicates.foundAt')}{' '}
              {atStore(d.foundAt, d.second.timeZone)}
            </span>
          }
          data-testid="duplicate"
        >
          <div className="hq-stories">
            <Story story={d.first} label={t('hq.duplicates.first')} tone="first" />
            <Story story={d.second} label={t('hq.duplicates.second')} tone="second" />
          </div>
        </Card>
      ))}
    </div>
  )
}
