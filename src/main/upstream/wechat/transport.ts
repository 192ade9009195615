/**
 * One HTTP exchange with a WeChat-style JSON API, over any fetch look-alike (undici's fetch in production,
 * createSandboxFetch in training). Turns every way of not getting a usable answer into an UpstreamError and
 * says, for a non-idempotent request, whether it may have been processed although no answer arrived.
 * Messages name the API path only: URLs carry the access_token and bodies the AppSecret.
 */
import { UpstreamError, type UpstreamErrorKind } from '../types'

export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>

export type JsonObject = { [key: string]: unknown }

export interface ExchangeOptions {
  signal: AbortSignal
  /** The deadline's own signal, to tell "our deadline passed" from "the caller cancelled". */
  deadline: AbortSignal
  /** consume: a failure after the request may have left makes the outcome ambiguous. */
  nonIdempotent: boolean
}

export interface HttpRequest {
  method: 'GET' | 'POST'
  url: string
  /** For messages: the API path without query. */
  label: string
  body?: string
  headers?: Record<string, string>
}

/** Errno codes that mean the connection was never made, so nothing was sent. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'])

/** Combines the caller's signal (if any) with a deadline. */
export function deadlineSignal(
  deadlineMs: number,
  signal?: AbortSignal
): { signal: AbortSignal; deadline: AbortSignal } {
  const deadline = AbortSignal.timeout(Math.max(1, Math.floor(deadlineMs)))
  return { signal: signal ? AbortSignal.any([deadline, signal]) : deadline, deadline }
}

export async function exchange(
  fetchFn: FetchLike,
  req: HttpRequest,
  options: ExchangeOptions
): Promise<JsonObject> {
  const { signal, nonIdempotent } = options
  if (signal.aborted) throw aborted(req, options, false)
  let res: Response
  try {
    res = await fetchFn(req.url, {
      method: req.method,
      signal,
      ...(req.body === undefined ? {} : { body: req.body }),
      headers: {
        accept: 'application/json',
        ...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...req.headers
      }
    })
  } catch (error) {
    if (signal.aborted) throw aborted(req, options, nonIdempotent)
    const code = errnoOf(error)
    const reached = nonIdempotent && !(code !== undefined && NEVER_CONNECTED.has(code))
    throw new UpstreamError(
      'network',
      `${req.label}: connection failed (${code ?? describe(error)})`,
      null,
      reached
    )
  }
  let text: string
  try {
    text = await res.text()
  } catch (error) {
    if (signal.aborted) throw aborted(req, options, nonIdempotent)
    throw new UpstreamError(
      'network',
      `${req.label}: reply cut off (${errnoOf(error) ?? describe(error)})`,
      null,
      nonIdempotent
    )
  }
  if (res.status >= 500) {
    // A gateway error page: the API behind it may or may not have run the request.
    throw new UpstreamError(
      'transient',
      `${req.label}: HTTP ${res.status} from the upstream`,
      null,
      nonIdempotent
    )
  }
  if (res.status === 401 || res.status === 403) {
    throw new UpstreamError('auth', `${req.label}: HTTP ${res.status}, not allowed`, null, false)
  }
  if (res.status === 429) {
    throw new UpstreamError('rate_limited', `${req.label}: HTTP 429 too many requests`, null, false)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw malformed(req, `HTTP ${res.status}, not JSON`, nonIdempotent)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw malformed(req, `HTTP ${res.status}, JSON but not an object`, nonIdempotent)
  }
  if (res.status !== 200 && typeof (json as JsonObject).errcode !== 'number') {
    throw malformed(req, `HTTP ${res.status} without a WeChat reply`, nonIdempotent)
  }
  return json as JsonObject
}

function aborted(req: HttpRequest, options: ExchangeOptions, mayHaveReached: boolean): UpstreamError {
  const why = options.deadline.aborted ? 'no answer within the deadline' : 'cancelled'
  const kind: UpstreamErrorKind = 'timeout'
  return new UpstreamError(kind, `${req.label}: ${why}`, null, mayHaveReached)
}

const malformed = (req: HttpRequest, what: string, mayHaveReached: boolean): UpstreamError =>
  // A reply arrived, so the request was handled; for consume we cannot read whether it took effect.
  new UpstreamError('malformed', `${req.label}: unreadable reply (${what})`, null, mayHaveReached)

/** The errno-style code of a fetch failure: undici puts it on `cause` (sometimes inside an AggregateError). */
export function errnoOf(error: unknown): string | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current; depth++) {
    if (typeof current !== 'object') return undefined
    const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown }
    if (typeof code === 'string') return code
    if (Array.isArray(errors) && errors.length > 0) current = errors[0]
    else current = cause
  }
  return undefined
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** errcode as a number, if the reply has one (success replies of some endpoints have none). */
export function errcodeOf(json: JsonObject): number | undefined {
  const e = json.errcode
  if (typeof e === 'number' && Number.isInteger(e)) return e
  if (typeof e === 'string' && /^-?\d+$/.test(e.trim())) return Number(e)
  return undefined
}

export const errmsgOf = (json: JsonObject): string => (typeof json.errmsg === 'string' ? json.errmsg : '')
