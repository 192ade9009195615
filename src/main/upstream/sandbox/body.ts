import { isObject } from './card-shape'
import type { JsonObject } from './types'

export type ParsedBody = { ok: true; value: JsonObject } | { ok: false; errcode: 44002 | 47001 }

/** POST bodies must be a JSON object: nothing → 44002 empty post data; anything else → 47001 data format error. */
export function parseBody(body: unknown): ParsedBody {
  if (body === undefined || body === null) return { ok: false, errcode: 44002 }
  if (typeof body === 'string') {
    if (body.trim() === '') return { ok: false, errcode: 44002 }
    let value: unknown
    try {
      value = JSON.parse(body)
    } catch {
      return { ok: false, errcode: 47001 }
    }
    return isObject(value) ? { ok: true, value } : { ok: false, errcode: 47001 }
  }
  return isObject(body) ? { ok: true, value: body } : { ok: false, errcode: 47001 }
}
