/** Pieces of a card/get payload, each read tolerantly: date_info, time_limit and the type-specific value. */
import type { CardType, CardValue, DateInfo, TimeLimit, WeekdayName } from './types'
import { readArray, readInt, readObject, readString, readText, readUnixTime, type JsonObject } from './read'

export const WEEKDAY_NAMES: readonly WeekdayName[] = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY'
]

/** ISO weekday (1 = Monday) for a time_limit type, null for anything else (e.g. a holiday marker). */
export function weekdayOf(type: string | null): number | null {
  if (type === null) return null
  const i = WEEKDAY_NAMES.indexOf(type.trim().toUpperCase() as WeekdayName)
  return i < 0 ? null : i + 1
}

export function parseDateInfo(v: unknown): DateInfo {
  const o = readObject(v)
  if (!o) return { kind: 'unknown' }
  const rawType = readString(o.type)?.trim()
  // "旧文档采用的1和2依然生效": numeric 1 and 2 are the legacy spellings of the two named types.
  const type =
    rawType === '1'
      ? 'DATE_TYPE_FIX_TIME_RANGE'
      : rawType === '2'
        ? 'DATE_TYPE_FIX_TERM'
        : rawType?.toUpperCase()
  if (type === 'DATE_TYPE_FIX_TIME_RANGE') {
    const begin = readUnixTime(o.begin_timestamp)
    const end = readUnixTime(o.end_timestamp)
    if (begin === undefined || end === undefined) return { kind: 'unknown', rawType: rawType ?? '' }
    return { kind: 'fixRange', begin, end }
  }
  if (type === 'DATE_TYPE_FIX_TERM') {
    const fixedTerm = readInt(o.fixed_term)
    const fixedBeginTerm = readInt(o.fixed_begin_term)
    const endTimestamp = readUnixTime(o.end_timestamp)
    return {
      kind: 'fixTerm',
      // The official text says 0 is not allowed for fixed_term; keep it as "not known" rather than "0 days".
      fixedTerm: fixedTerm !== undefined && fixedTerm > 0 ? fixedTerm : null,
      fixedBeginTerm: fixedBeginTerm !== undefined && fixedBeginTerm >= 0 ? fixedBeginTerm : 0,
      ...(endTimestamp !== undefined && endTimestamp > 0 ? { endTimestamp } : {})
    }
  }
  if (type === 'DATE_TYPE_PERMANENT') return { kind: 'permanent' }
  return rawType === undefined ? { kind: 'unknown' } : { kind: 'unknown', rawType }
}

function clockPart(v: unknown, max: number): number | undefined {
  const n = readInt(v)
  return n !== undefined && n >= 0 && n <= max ? n : undefined
}

export function parseTimeLimits(v: unknown): TimeLimit[] {
  const out: TimeLimit[] = []
  for (const item of readArray(v)) {
    const o = readObject(item)
    if (!o) continue
    const type = readText(o.type) ?? null
    const entry: TimeLimit = { type, weekday: weekdayOf(type) }
    const beginHour = clockPart(o.begin_hour, 24)
    const beginMinute = clockPart(o.begin_minute, 59)
    const endHour = clockPart(o.end_hour, 24)
    const endMinute = clockPart(o.end_minute, 59)
    if (beginHour !== undefined) entry.beginHour = beginHour
    if (beginMinute !== undefined) entry.beginMinute = beginMinute
    if (endHour !== undefined) entry.endHour = endHour
    if (endMinute !== undefined) entry.endMinute = endMinute
    out.push(entry)
  }
  return out
}

export function parseLocationIds(v: unknown): number[] {
  const ids = readArray(v)
    .map(readInt)
    .filter((n): n is number => n !== undefined && n >= 0)
  return [...new Set(ids)]
}

const percent = (v: unknown): number | undefined => {
  const n = readInt(v)
  return n !== undefined && n >= 0 && n <= 100 ? n : undefined
}

/**
 * The type-specific value, or a string saying why it cannot be read. A CASH card without reduce_cost or a
 * DISCOUNT card without a 0…100 discount has no computable money effect, so the whole card is unreadable.
 */
export function parseValue(cardType: CardType, typed: JsonObject, leastCost: number): CardValue | string {
  switch (cardType) {
    case 'CASH': {
      const reduceCost = readInt(typed.reduce_cost)
      if (reduceCost === undefined || reduceCost < 0) return 'CASH card without a readable reduce_cost'
      return { kind: 'cash', leastCost, reduceCost }
    }
    case 'DISCOUNT': {
      const percentOff = percent(typed.discount)
      if (percentOff === undefined) return 'DISCOUNT card without a discount between 0 and 100'
      return { kind: 'discount', percentOff }
    }
    case 'GIFT':
      return { kind: 'gift', detail: readText(typed.gift) ?? '' }
    case 'GROUPON':
      return { kind: 'groupon', detail: readText(typed.deal_detail) ?? '' }
    case 'GENERAL_COUPON':
      return { kind: 'general', detail: readText(typed.default_detail) ?? '' }
    case 'MEMBER_CARD': {
      const discountPercentOff = percent(typed.discount)
      const prerogative = readText(typed.prerogative) ?? ''
      return discountPercentOff === undefined || discountPercentOff === 0
        ? { kind: 'member', prerogative }
        : { kind: 'member', prerogative, discountPercentOff }
    }
    case 'UNKNOWN':
      return { kind: 'unknown' }
  }
}
