/** Read-only helpers over the raw card/get JSON, which nests everything under the lowercase card_type. */
import type { JsonObject, WxCard } from './types'

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export function cardSection(card: WxCard): JsonObject {
  const section = card[card.card_type.toLowerCase()]
  return isObject(section) ? section : {}
}

export function baseInfo(card: WxCard): JsonObject {
  const info = cardSection(card).base_info
  return isObject(info) ? info : {}
}

export function cardIdOf(card: WxCard): string | undefined {
  const id = baseInfo(card).id
  return typeof id === 'string' ? id : undefined
}

export const usesCustomCode = (card: WxCard): boolean => baseInfo(card).use_custom_code === true

export function cardStatusOf(card: WxCard): string | undefined {
  const status = baseInfo(card).status
  return typeof status === 'string' ? status : undefined
}
