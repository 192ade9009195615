/** The coupon as the customer reads it: brand, title, the value line (满100减10, 7折, 兑换…), conditions, dates, notice. */
import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { describeValue } from '../../../shared/coupon'
import type { LookupView } from '../../../shared/redeem'
import { useStation } from '../shell/stationContext'
import { couponFacts } from './couponFacts'

export function CouponCard({ view }: { view: LookupView }) {
  const { t } = useTranslation()
  const { info } = useStation()
  const card = view.card
  const code = view.codeStatus?.kind === 'code' ? view.codeStatus : null
  const refused = view.decision?.outcome === 'DUPLICATE' || view.decision?.outcome === 'DENY'
  if (!card) return null
  if (card.kind === 'unreadable') {
    return (
      <section className="coupon coupon-unreadable" data-testid="coupon" aria-label={t('coupon.label')}>
        <h3 className="coupon-title">{t('coupon.unreadable')}</h3>
        <p>{card.reason}</p>
      </section>
    )
  }
  const value = describeValue(card, t)
  return (
    <section
      className="coupon"
      data-testid="coupon"
      data-card-id={card.cardId}
      aria-label={t('coupon.label')}
      style={{ borderLeftColor: card.color }}
    >
      <div className="coupon-brand">
        <span className="coupon-swatch" style={{ background: card.color }} aria-hidden />
        <span className="coupon-brand-name">{card.brandName}</span>
        <Tag className="coupon-type">{t(`cardType.${card.cardType}`, { defaultValue: card.rawType })}</Tag>
        {view.cardSource === 'cache' && (
          <Tag variant="solid" color="#874D00">
            {t('coupon.fromCache')}
          </Tag>
        )}
        {view.cardSource === 'picked' && (
          <Tag variant="solid" color="#0958D9">
            {t('coupon.picked')}
          </Tag>
        )}
      </div>
      <h3 className="coupon-title">{card.title}</h3>
      {card.subTitle && <p className="coupon-subtitle">{card.subTitle}</p>}
      <p className="coupon-value" data-testid="coupon-value">
        {value.headline}
      </p>
      {value.detail && <p className="coupon-detail">{value.detail}</p>}
      {value.conditions.length > 0 && (
        <ul className="coupon-conditions">
          {value.conditions.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      <dl className="coupon-facts">
        {couponFacts(t, card, code, info.timeZone).map((f) => (
          <div key={f.key} className="coupon-fact" data-fact={f.key}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
        <div className="coupon-fact">
          <dt>{t('coupon.code')}</dt>
          <dd className="mono" data-testid="coupon-code">
            {view.code ?? '—'}
          </dd>
        </div>
        {code?.openid && (
          <div className="coupon-fact">
            <dt>{t('coupon.customer')}</dt>
            <dd className="mono" data-testid="coupon-openid">
              {code.openid}
            </dd>
          </div>
        )}
      </dl>
      {/* "Show this coupon at checkout" is for a coupon that can still be used: not on a refusal. */}
      {card.notice && !refused && (
        <p className="coupon-notice" data-testid="coupon-notice">
          {card.notice}
        </p>
      )}
    </section>
  )
}
