/**
 * HTTP to the store hub (docs/hub.md § Wire protocol). One call = one request with its own deadline; the answer is
 * the envelope parsed with the shared schemas (src/shared/hub/protocol.ts). No retry here: the caller decides
 * (a claim that misses its deadline turns the till degraded and is queued, docs/hub.md § For the station side).
 */
import type { z } from 'zod'
import {
  HUB_EPOCH_HEADER,
  HUB_STORE_HEADER,
  hubEnvelopeSchema,
  type HubError
} from '../../shared/hub/protocol'

export type HubCall<T> =
  | { kind: 'ok'; epoch: string; hubAt: number; value: T }
  | { kind: 'refused'; epoch: string | null; error: HubError }
  /** No answer within the deadline, a network error, or an answer that is not the protocol. */
  | { kind: 'unreachable'; reason: string }

export interface HubAuth {
  storeId: string
  token: string
}

export class HubClient {
  constructor(
    readonly baseUrl: string,
    private readonly fetchImpl: typeof fetch = fetch
  ) {}

  async call<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    /** auth: a till's credential; admin: the hub's admin token (only the station that runs the hub has it). */
    options: { auth?: HubAuth; admin?: string; body?: unknown; deadlineMs: number }
  ): Promise<HubCall<z.infer<S>>> {
    const headers: Record<string, string> = {}
    if (options.admin) headers.authorization = `Bearer ${options.admin}`
    if (options.auth) {
      headers.authorization = `Bearer ${options.auth.token}`
      headers[HUB_STORE_HEADER] = options.auth.storeId
    }
    if (options.body !== undefined) headers['content-type'] = 'application/json'
    let res: Response
    let text: string
    try {
      res = await this.fetchImpl(new URL(path, this.baseUrl), {
        method,
        headers,
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        signal: AbortSignal.timeout(options.deadlineMs)
      })
      // The body is read under the same deadline (the signal covers it).
      text = await res.text()
    } catch (err) {
      return {
        kind: 'unreachable',
        reason: err instanceof Error ? `${err.name}: ${err.message}` : String(err)
      }
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return { kind: 'unreachable', reason: `not JSON (HTTP ${res.status})` }
    }
    const envelope = hubEnvelopeSchema.safeParse(json)
    if (!envelope.success) return { kind: 'unreachable', reason: `not a hub answer (HTTP ${res.status})` }
    const e = envelope.data
    if (!e.ok) return { kind: 'refused', epoch: e.epoch || res.headers.get(HUB_EPOCH_HEADER), error: e.error }
    const value = schema.safeParse(e.value)
    if (!value.success) return { kind: 'unreachable', reason: `unexpected answer to ${path}` }
    return { kind: 'ok', epoch: e.epoch, hubAt: e.hubAt, value: value.data as z.infer<S> }
  }
}
