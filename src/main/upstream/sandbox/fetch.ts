/**
 * A `fetch` look-alike over an in-process Sandbox, so the real WeChat HTTP client can run unchanged in
 * training mode. Failures look like undici's: transport faults reject with TypeError('fetch failed') whose
 * cause is the SandboxNetworkError, and an aborted signal rejects with the signal's reason while the request
 * itself carries on inside the sandbox (as a real request already on the wire would).
 */
import { raceAbort } from '../raceAbort'
import { SandboxNetworkError } from './net-error'
import type { Sandbox } from './sandbox'

export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>

export function createSandboxFetch(sandbox: Sandbox): FetchLike {
  return async (input, init) => {
    const url = new URL(String(input))
    const signal = init?.signal ?? undefined
    signal?.throwIfAborted()
    const body =
      init?.body === undefined || init.body === null ? undefined : await new Response(init.body).text()
    const work = sandbox.handle({
      method: (init?.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      remoteIp: '127.0.0.1',
      ...(signal ? { signal } : {})
    })
    let reply
    try {
      reply = await (signal ? raceAbort(work, signal) : work)
    } catch (error) {
      if (error instanceof SandboxNetworkError) throw new TypeError('fetch failed', { cause: error })
      throw error
    }
    if ('body' in reply) {
      return new Response(JSON.stringify(reply.body), {
        status: reply.status,
        headers: { 'content-type': 'application/json; encoding=utf-8' }
      })
    }
    return new Response(reply.raw, { status: reply.status, headers: { 'content-type': reply.contentType } })
  }
}
