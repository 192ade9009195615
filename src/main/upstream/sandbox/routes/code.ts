/** POST /card/code/get, consume, decrypt, unavailable (docs/wechat-api.md §3). */
import { usesCustomCode } from '../card-shape'
import type { SandboxModel } from '../model'
import type { CodeEntry, JsonObject, WxCard } from '../types'
import { readCode, readString, type RouteContext } from './context'

type Lookup = { entry: CodeEntry; card: WxCard } | { error: JsonObject }

/**
 * The code checks shared by get/consume/unavailable. Unknown, never-claimed, a custom code without card_id
 * and a card_id that does not own the code all give 40056 "invalid serial code" (§3.1, §4, [COMM-40056]).
 */
function lookup(model: SandboxModel, body: JsonObject): Lookup {
  const code = readCode(body.code)
  // (inf) the doc has no errcode for a missing `code`; we answer 41011 missing required fields.
  if (code === undefined) return { error: model.error(41011) }
  const cardId = readString(body.card_id)
  // A custom code is found only with its card_id, and the same string may be another card's custom code too.
  const entry = model.findCode(code, cardId)
  const card = entry && model.cards.get(entry.cardId)
  if (!entry || !card || !entry.claimed) return { error: model.error(40056) }
  if (cardId === undefined && usesCustomCode(card)) return { error: model.error(40056) }
  return { entry, card }
}

export function getCode(model: SandboxModel, ctx: RouteContext): JsonObject {
  const found = lookup(model, ctx.body)
  if ('error' in found) return found.error
  const { entry } = found
  const status = model.effectiveStatus(entry)
  // (inf) check_consume defaults to true when omitted; the station always sends it explicitly.
  if (ctx.body.check_consume !== false) {
    if (status === 'CONSUMED') return model.error(40099)
    if (status !== 'NORMAL') return model.error(40127)
  }
  const reply: JsonObject = {
    card: { card_id: entry.cardId, begin_time: entry.beginTime, end_time: entry.endTime },
    openid: entry.openid,
    // Documented: can_consume false for a bad state (CONSUMED …). Nothing documents it false for a NORMAL
    // code before its begin_time, so it is not: the station's own validity gate must catch an early code.
    // Member cards report can_consume true although consume refuses them with 40071 ([COMM-40071]).
    can_consume: status === 'NORMAL',
    user_card_status: status
  }
  if (entry.outerStr !== undefined) reply.outer_str = entry.outerStr
  return model.ok(reply)
}

export function consumeCode(model: SandboxModel, ctx: RouteContext): JsonObject {
  const found = lookup(model, ctx.body)
  if ('error' in found) return found.error
  const { entry, card } = found
  if (card.card_type === 'MEMBER_CARD') return model.error(40071)
  const status = model.effectiveStatus(entry)
  if (status === 'CONSUMED') return model.error(40099)
  if (status !== 'NORMAL') return model.error(40127)
  // Nothing documents a refusal of a consume before begin_time (40079's trigger is unverified), so an early
  // consume goes through, as it may upstream: only the station's own gates keep it from happening.
  model.applyConsume(entry)
  return model.ok({ card: { card_id: entry.cardId }, openid: entry.openid })
}

export function decryptCode(model: SandboxModel, ctx: RouteContext): JsonObject {
  const encrypted = readString(ctx.body.encrypt_code)
  const code = encrypted === undefined ? undefined : model.decrypt(encrypted)
  if (code === undefined) return model.error(40075)
  return model.ok({ code })
}

export function setCodeUnavailable(model: SandboxModel, ctx: RouteContext): JsonObject {
  const found = lookup(model, ctx.body)
  if ('error' in found) return found.error
  const { entry } = found
  // (inf) invalidating a code that is no longer NORMAL is refused with the same codes consume uses.
  const status = model.effectiveStatus(entry)
  if (status === 'CONSUMED') return model.error(40099)
  if (status !== 'NORMAL') return model.error(40127)
  entry.status = 'UNAVAILABLE'
  const reason = readString(ctx.body.reason)
  if (reason !== undefined) entry.unavailableReason = reason
  return model.ok()
}
