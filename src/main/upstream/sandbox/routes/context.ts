import type { SandboxModel } from '../model'
import type { JsonObject } from '../types'

/** What a route handler gets: the parsed request. Handlers answer with the JSON body (HTTP 200, like WeChat). */
export interface RouteContext {
  query: Record<string, string | undefined>
  /** Parsed JSON object body for POST routes; {} for GET. */
  body: JsonObject
  remoteIp: string
}

export type RouteHandler = (model: SandboxModel, ctx: RouteContext) => JsonObject

/** Codes are strings of ≤20 chars (§8). A number is taken as its decimal text, which drops leading zeros the
 * way a careless client would, so such a client then gets 40056 rather than a silently fixed code. */
export function readCode(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

export const readString = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined
