/** POST /datacube/getcardbizuininfo (docs/wechat-api.md §6.1): per-day counters, verify_* from the consume log. */
import { DateTime } from 'luxon'
import { WECHAT_ZONE, wechatDate } from '../clock'
import type { SandboxModel } from '../model'
import type { JsonObject } from '../types'
import type { RouteContext } from './context'

export const DATACUBE_MAX_DAYS = 62

const STRICT_DATE = /^\d{4}-\d{2}-\d{2}$/

/** A strict 'YYYY-MM-DD' that is also a real calendar day (2026-02-30 is not). */
function parseDay(value: unknown): DateTime | undefined {
  if (typeof value !== 'string' || !STRICT_DATE.test(value)) return undefined
  const day = DateTime.fromISO(value, { zone: WECHAT_ZONE })
  return day.isValid && day.toISODate() === value ? day : undefined
}

export function cardBizuinInfo(model: SandboxModel, ctx: RouteContext): JsonObject {
  const begin = parseDay(ctx.body.begin_date)
  const end = parseDay(ctx.body.end_date)
  // 61500/61501 are the global "date format error"/"date range error" codes; which one each case gets is (inf).
  if (!begin || !end) return model.error(61500)
  const cond = ctx.body.cond_source
  // (inf) cond_source is required as 0 or 1; the sandbox counts every card whatever its value.
  if (cond !== 0 && cond !== 1) return model.error(40097)
  const days = Math.round(end.diff(begin, 'days').days) + 1
  const today = wechatDate(model.now())
  if (days < 1 || days > DATACUBE_MAX_DAYS || (end.toISODate() ?? '') >= today) return model.error(61501)

  const byDay = new Map<string, { count: number; users: Set<string> }>()
  for (const consume of model.consumeLog()) {
    const day = wechatDate(consume.at)
    const slot = byDay.get(day) ?? { count: 0, users: new Set<string>() }
    slot.count++
    slot.users.add(consume.openid)
    byDay.set(day, slot)
  }
  const list: JsonObject[] = []
  // (inf) one row per day of the range, zeros included, so a day without redemptions reads as 0, not missing.
  for (let i = 0; i < days; i++) {
    const refDate = begin.plus({ days: i }).toISODate() ?? ''
    const slot = byDay.get(refDate)
    list.push({
      ref_date: refDate,
      view_cnt: 0,
      view_user: 0,
      receive_cnt: 0,
      receive_user: 0,
      verify_cnt: slot?.count ?? 0,
      verify_user: slot?.users.size ?? 0,
      given_cnt: 0,
      given_user: 0,
      expire_cnt: 0,
      expire_user: 0
    })
  }
  // The doc's reply is just {"list":[...]}, without errcode; clients must treat a missing errcode as success.
  return { list }
}
