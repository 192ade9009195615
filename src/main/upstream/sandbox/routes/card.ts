/** POST /card/get and POST /card/batchget (docs/wechat-api.md §2.1, §2.5). */
import { cardStatusOf } from '../card-shape'
import type { SandboxModel } from '../model'
import type { JsonObject } from '../types'
import { readString, type RouteContext } from './context'

export const BATCHGET_MAX_COUNT = 50

export function getCard(model: SandboxModel, ctx: RouteContext): JsonObject {
  const cardId = readString(ctx.body.card_id)
  if (cardId === undefined) return model.error(41012)
  const card = model.cards.get(cardId)
  if (!card) return model.error(40073)
  return model.ok({ card: structuredClone(card) })
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n)

export function batchGetCards(model: SandboxModel, ctx: RouteContext): JsonObject {
  const { offset, count, status_list: statusList } = ctx.body
  // (inf) the doc caps count at 50 but does not say what the server answers beyond it; we use 40097 invalid args.
  if (!isCount(offset) || offset < 0 || !isCount(count) || count < 1 || count > BATCHGET_MAX_COUNT) {
    return model.error(40097)
  }
  if (
    statusList !== undefined &&
    !(Array.isArray(statusList) && statusList.every((s) => typeof s === 'string'))
  ) {
    return model.error(40097)
  }
  const wanted = statusList as string[] | undefined
  const ids = [...model.cards.entries()]
    .filter(([, card]) => !wanted || wanted.length === 0 || wanted.includes(cardStatusOf(card) ?? ''))
    .map(([id]) => id)
  return model.ok({ card_id_list: ids.slice(offset, offset + count), total_num: ids.length })
}
