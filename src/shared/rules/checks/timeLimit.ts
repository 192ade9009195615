/**
 * Rule 4: time_limit, evaluated on the store's wall clock (calendar weekday and time, not the business day:
 * a MONDAY coupon is not usable at Tuesday 01:30 even though that is still Monday's business day, because
 * the card face promises calendar days).
 *
 * Choices where WeChat is silent: no weekday = every day; no hours = the whole day; a window is
 * [begin, end) so "10:00–22:00" ends at 22:00; begin = end means the whole day; begin > end runs past
 * midnight into the next calendar day; an entry whose type is not a weekday (e.g. a holiday marker) is
 * ignored, and a list with no usable entry restricts nothing.
 */
import { localParts } from '../../time'
import type { CardDefinition, TimeLimit } from '../../coupon/types'
import { reason, type Reason } from '../reasonCodes'
import type { DecideContext } from '../types'

const DAY = 24 * 60

interface Slot {
  weekday: number | null
  begin: number
  end: number
}

function slotOf(e: TimeLimit): Slot | null {
  if (e.type !== null && e.weekday === null) return null
  const hasBegin = e.beginHour !== undefined
  const hasEnd = e.endHour !== undefined
  const begin = hasBegin ? Math.min(DAY, (e.beginHour ?? 0) * 60 + (e.beginMinute ?? 0)) : 0
  const end = hasEnd ? Math.min(DAY, (e.endHour ?? 0) * 60 + (e.endMinute ?? 0)) : DAY
  if (begin === end) return { weekday: e.weekday, begin: 0, end: DAY }
  return { weekday: e.weekday, begin, end }
}

const previousDay = (weekday: number): number => (weekday === 1 ? 7 : weekday - 1)
const onDay = (s: Slot, weekday: number): boolean => s.weekday === null || s.weekday === weekday

function covers(s: Slot, weekday: number, minute: number): boolean {
  if (s.begin < s.end) return onDay(s, weekday) && minute >= s.begin && minute < s.end
  return (onDay(s, weekday) && minute >= s.begin) || (onDay(s, previousDay(weekday)) && minute < s.end)
}

const hhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

export function timeLimit(card: CardDefinition, ctx: DecideContext): Reason[] {
  const slots = card.timeLimit.map(slotOf).filter((s): s is Slot => s !== null)
  if (slots.length === 0) return []
  const { weekday, minuteOfDay } = localParts(ctx.now, ctx.timeZone)
  if (slots.some((s) => covers(s, weekday, minuteOfDay))) return []
  const today = slots.filter((s) => onDay(s, weekday) || (s.begin > s.end && onDay(s, previousDay(weekday))))
  if (today.length > 0) {
    const hours = [...new Set(today.map((s) => `${hhmm(s.begin)}–${hhmm(s.end)}`))].join(', ')
    return [reason('OUTSIDE_HOURS', 'deny', { hours })]
  }
  const weekdays = [...new Set(slots.map((s) => s.weekday).filter((w): w is number => w !== null))].sort(
    (a, b) => a - b
  )
  return [reason('WRONG_WEEKDAY', 'deny', { weekdays })]
}
