/**
 * The conditions printed on a coupon, as lines for the card panel: validity (in the store's zone), hours,
 * stores, minimum spend, stacking. Pure: takes the translate function and the zone.
 */
import type { TFunction } from 'i18next'
import type { CardDefinition, CodeStatus, TimeLimit } from '../../../shared/coupon'
import { moneyText, dateText } from '../components/format'

export interface Fact {
  key: string
  label: string
  value: string
}

const hhmm = (h = 0, m = 0): string => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`

function validity(t: TFunction, card: CardDefinition, code: CodeStatus | null, zone: string): string {
  if (code?.beginTime !== undefined && code.endTime !== undefined)
    return t('coupon.validRange', {
      from: dateText(code.beginTime, zone),
      until: dateText(code.endTime, zone)
    })
  const d = card.dateInfo
  switch (d.kind) {
    case 'fixRange':
      return t('coupon.validRange', { from: dateText(d.begin, zone), until: dateText(d.end, zone) })
    case 'fixTerm':
      return d.fixedTerm === null
        ? t('coupon.validFromReceiptOpen', { begin: d.fixedBeginTerm })
        : t('coupon.validFromReceipt', { begin: d.fixedBeginTerm, days: d.fixedTerm })
    case 'permanent':
      return t('coupon.validForever')
    case 'unknown':
      return t('coupon.validUnknown')
  }
}

function hours(t: TFunction, limits: readonly TimeLimit[]): string {
  if (limits.length === 0) return t('coupon.anyTime')
  return limits
    .map((l) => {
      const day = l.weekday ? t(`weekday.${l.weekday}`) : t('coupon.everyDay')
      const span =
        l.beginHour !== undefined || l.endHour !== undefined
          ? ` ${hhmm(l.beginHour, l.beginMinute)}–${hhmm(l.endHour ?? 23, l.endMinute ?? 59)}`
          : ''
      return day + span
    })
    .join(t('common.listSeparator'))
}

export function couponFacts(
  t: TFunction,
  card: CardDefinition,
  code: CodeStatus | null,
  zone: string
): Fact[] {
  return [
    { key: 'validity', label: t('coupon.validity'), value: validity(t, card, code, zone) },
    { key: 'hours', label: t('coupon.hours'), value: hours(t, card.timeLimit) },
    {
      key: 'stores',
      label: t('coupon.stores'),
      value:
        card.useAllLocations || card.locationIdList.length === 0
          ? t('coupon.allStores')
          : t('coupon.someStores', { ids: card.locationIdList.join(t('common.listSeparator')) })
    },
    {
      key: 'minSpend',
      label: t('coupon.minSpend'),
      value: card.minSpend > 0 ? moneyText(card.minSpend) : t('coupon.noMinSpend')
    },
    {
      key: 'stacking',
      label: t('coupon.stacking'),
      value: card.canUseWithOtherDiscount ? t('coupon.stackingYes') : t('coupon.stackingNo')
    }
  ]
}
