/**
 * Conflicts and rejections: the queue on the left, the chosen item's whole story on the right, and a
 * resolution (collected from the customer / written off / other, with a note) that main records with an
 * audit entry in one transaction. The ledger keeps what WeChat said; nothing is deleted.
 */
import { Alert, App, Button, Empty, Input, List, Modal, Radio, Segmented } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  RESOLUTION_OUTCOMES,
  type CrossTillConflict,
  type ResolutionOutcome
} from '../../../../shared/reports'
import { describeSyncReason } from '../../../../shared/sync'
import { StatusTag } from '../../components/StatusTag'
import { dateTimeText, moneyText } from '../../components/format'
import { call } from '../../shell/call'
import { useStation } from '../../shell/stationContext'
import { ConflictStoryView } from './ConflictStoryView'
import './manager.css'
import { reportsErrorText } from './text'
import { useLoad } from '../../shell/useLoad'

type QueueState = 'open' | 'resolved' | 'all'

export function ConflictsPage() {
  const { t } = useTranslation()
  const { info } = useStation()
  const zone = info.timeZone
  const [state, setState] = useState<QueueState>('open')
  const [chosen, setChosen] = useState<string | null>(null)
  const [round, setRound] = useState(0)
  const queue = useLoad(() => call('reports.conflicts', { state, limit: 200 }), `${state}|${round}`)
  const items = queue.value ?? []

  return (
    <div className="page" data-testid="page-conflicts">
      <h1 className="page-title">{t('nav.conflicts')}</h1>
      <div className="mgr-toolbar">
        <Segmented<QueueState>
          value={state}
          onChange={(v) => {
            setState(v)
            setChosen(null)
          }}
          options={(['open', 'resolved', 'all'] as const).map((s) => ({
            value: s,
            label: t(`reports.conflicts.${s}`)
          }))}
          data-testid="conflict-state"
        />
      </div>
      {queue.error && <Alert type="error" showIcon title={reportsErrorText(t, queue.error)} />}
      <div className="mgr-split">
        <List
          bordered
          loading={queue.loading && !queue.value}
          dataSource={items}
          locale={{ emptyText: <Empty description={t('reports.conflicts.empty')} /> }}
          renderItem={(item) => {
            const r = item.redemption
            return (
              <List.Item
                className="mgr-clickable"
                data-testid="conflict-item"
                data-id={r.id}
                data-code={r.code}
                onClick={() => setChosen(r.id)}
                style={r.id === chosen ? { background: '#e6f4ff' } : undefined}
              >
                <List.Item.Meta
                  title={
                    <span>
                      <StatusTag status={r.status} stale={false} /> {r.code} · {moneyText(r.discountFen)}
                    </span>
                  }
                  description={`${dateTimeText(r.at, zone)} · ${r.cashierName} · ${r.statusReason ? describeSyncReason(t, r.statusReason) : ''}`}
                />
              </List.Item>
            )
          }}
        />
        <div className="mgr-card">
          {/* The chosen item stays open after it is resolved, even though it leaves the "to resolve" list. */}
          {chosen ? (
            <Story key={chosen} id={chosen} zone={zone} onResolved={() => setRound((n) => n + 1)} />
          ) : (
            <Empty description={t('reports.conflicts.choose')} />
          )}
        </div>
      </div>
      <CrossTillConflicts zone={zone} />
    </div>
  )
}

/**
 * Cross-till conflicts (docs/hub.md § The station side as built): this till redeemed a coupon while the store
 * hub did not answer, and another till of the store had already redeemed it. Both stories side by side; a
 * manager marks one resolved with a note (audited); resolved ones leave the open list and stay in history.
 * Shown only when there are any (a till without a store hub never has one).
 */
function CrossTillConflicts({ zone }: { zone: string }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [round, setRound] = useState(0)
  const [show, setShow] = useState<'open' | 'resolved'>('open')
  const [resolving, setResolving] = useState<CrossTillConflict | null>(null)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const list = useLoad(() => call('storeLink.conflicts', { limit: 200, state: 'all' }), `cross-till|${round}`)
  const all = list.value ?? []
  if (all.length === 0) return null
  const items = all.filter((c) => (show === 'open') === (c.resolution === null))
  const open = all.filter((c) => c.resolution === null).length

  const resolve = async () => {
    if (!resolving) return
    setBusy(true)
    const result = await call('storeLink.resolveConflict', { redemptionId: resolving.redemptionId, note })
    setBusy(false)
    if (!result.ok) return void message.error(reportsErrorText(t, result.error))
    message.success(t('storeDay.conflicts.done'))
    setResolving(null)
    setNote('')
    setRound((n) => n + 1)
  }

  return (
    <section className="mgr-card" style={{ marginTop: 12 }} data-testid="cross-till-conflicts">
      <h2 className="section-title">{t('reports.conflicts.crossTill.title')}</h2>
      <p>{t('reports.conflicts.crossTill.intro')}</p>
      <Segmented<'open' | 'resolved'>
        value={show}
        onChange={setShow}
        style={{ marginBottom: 8 }}
        data-testid="cross-till-show"
        options={[
          { value: 'open', label: `${t('storeDay.conflicts.show.open')} (${open})` },
          { value: 'resolved', label: `${t('storeDay.conflicts.show.resolved')} (${all.length - open})` }
        ]}
      />
      <List
        bordered
        dataSource={items}
        locale={{ emptyText: show === 'resolved' ? t('storeDay.conflicts.noneResolved') : undefined }}
        renderItem={(c) => (
          <List.Item
            data-testid="cross-till-conflict"
            data-code={c.code}
            data-id={c.redemptionId}
            data-resolved={c.resolution !== null}
            actions={
              c.resolution === null
                ? [
                    <Button key="resolve" onClick={() => setResolving(c)} data-testid="cross-till-resolve">
                      {t('storeDay.conflicts.resolve')}
                    </Button>
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={`${c.code} · ${moneyText(c.amountFen)}`}
              description={
                <>
                  <div data-testid="cross-till-here">
                    {t('reports.conflicts.crossTill.here', {
                      time: dateTimeText(c.at, zone),
                      cashier: c.cashierName
                    })}
                  </div>
                  <div data-testid="cross-till-holder">
                    {t('reports.conflicts.crossTill.holder', {
                      time: dateTimeText(c.holder.at, zone),
                      station: c.holder.tillName,
                      cashier: c.holder.cashierName
                    })}
                  </div>
                  {c.resolution && (
                    <Alert
                      style={{ marginTop: 6 }}
                      type="success"
                      showIcon
                      data-testid="cross-till-resolution"
                      title={t('storeDay.conflicts.resolved', {
                        name: c.resolution.resolvedByName,
                        time: dateTimeText(c.resolution.resolvedAt, zone),
                        note: c.resolution.note
                      })}
                    />
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
      <Modal
        open={resolving !== null}
        title={t('storeDay.conflicts.resolveTitle')}
        onCancel={() => setResolving(null)}
        onOk={() => void resolve()}
        okText={t('storeDay.conflicts.submit')}
        okButtonProps={{
          disabled: note.trim() === '',
          loading: busy,
          ...{ 'data-testid': 'cross-till-submit' }
        }}
        destroyOnHidden
      >
        {resolving && (
          <p>
            {resolving.code} · {moneyText(resolving.amountFen)} · {resolving.holder.tillName}
          </p>
        )}
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={note}
          aria-label={t('storeDay.conflicts.note')}
          placeholder={t('storeDay.conflicts.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
          data-testid="cross-till-note"
        />
      </Modal>
    </section>
  )
}

function Story({ id, zone, onResolved }: { id: string; zone: string; onResolved: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [round, setRound] = useState(0)
  const story = useLoad(() => call('reports.conflictStory', { redemptionId: id }), `${id}|${round}`)
  const [outcome, setOutcome] = useState<ResolutionOutcome>('collected')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  if (story.error) return <Alert type="error" showIcon title={reportsErrorText(t, story.error)} />
  if (!story.value) return null
  const resolution = story.value.redemption.resolution

  const resolve = async () => {
    setBusy(true)
    const result = await call('reports.resolve', { redemptionId: id, outcome, note })
    setBusy(false)
    if (!result.ok) return void message.error(reportsErrorText(t, result.error))
    setNote('')
    setRound((n) => n + 1)
    onResolved()
  }

  return (
    <>
      <h2 className="section-title">{t('reports.conflicts.story')}</h2>
      <section className="mgr-card" style={{ marginBottom: 12 }} data-testid="resolution">
        <h3>{t('reports.conflicts.resolveTitle')}</h3>
        {resolution ? (
          <Alert
            type="success"
            showIcon
            data-testid="resolved"
            title={`${t(`reports.conflicts.outcome.${resolution.outcome}`)} — ${resolution.note}`}
            description={t('reports.conflicts.resolvedBy', {
              name: resolution.resolvedByName,
              at: dateTimeText(resolution.resolvedAt, zone)
            })}
          />
        ) : (
          <>
            <Radio.Group
              value={outcome}
              onChange={(e) => setOutcome(e.target.value as ResolutionOutcome)}
              data-testid="resolve-outcome"
            >
              {RESOLUTION_OUTCOMES.map((o) => (
                <Radio.Button key={o} value={o}>
                  <span data-testid={`outcome-${o}`}>{t(`reports.conflicts.outcome.${o}`)}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
            <Input.TextArea
              style={{ margin: '8px 0' }}
              rows={2}
              maxLength={500}
              value={note}
              aria-label={t('reports.conflicts.note')}
              placeholder={t('reports.conflicts.notePlaceholder')}
              onChange={(e) => setNote(e.target.value)}
              data-testid="resolve-note"
            />
            <Button
              type="primary"
              disabled={note.trim() === ''}
              loading={busy}
              onClick={() => void resolve()}
              data-testid="resolve-submit"
            >
              {t('reports.conflicts.submit')}
            </Button>
          </>
        )}
      </section>
      <ConflictStoryView story={story.value} zone={zone} />
    </>
  )
}
