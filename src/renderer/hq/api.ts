/** The HQ page's calls to its hub (same origin, the session cookie rides along): the value, or an HqApiError. */
import type { HqErrorCode, HqReply } from '../../shared/hub/hqProtocol'

export class HqApiError extends Error {
  constructor(
    readonly code: HqErrorCode | 'network',
    readonly lockedUntil?: number
  ) {
    super(code)
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let res: Response
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
  } catch {
    throw new HqApiError('network')
  }
  let reply: HqReply<T>
  try {
    reply = (await res.json()) as HqReply<T>
  } catch {
    throw new HqApiError('INTERNAL')
  }
  if (!reply.ok) throw new HqApiError(reply.error.code, reply.error.details?.lockedUntil)
  return reply.value
}

export const getJson = <T>(
  path: string,
  query: Record<string, string | number | undefined> = {}
): Promise<T> => {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value))
  const text = params.toString()
  return call<T>('GET', text ? `${path}?${text}` : path)
}

export const postJson = <T>(path: string, body: unknown): Promise<T> => call<T>('POST', path, body)
