/** Shared set-up for the client tests: the WeChat client against a sandbox or a scripted loopback server. */
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect } from 'vitest'
import { TRAINING_APP_ID, TRAINING_APP_SECRET } from '../../src/main/upstream/sandbox'
import { UpstreamError } from '../../src/main/upstream/types'
import { WechatCardClient, type WechatClientOptions } from '../../src/main/upstream/wechat'

export function clientFor(baseUrl: string, extra: Partial<WechatClientOptions> = {}): WechatCardClient {
  return new WechatCardClient({
    credentials: { kind: 'appSecret', appId: TRAINING_APP_ID, appSecret: TRAINING_APP_SECRET },
    baseUrl,
    defaultDeadlineMs: 3_000,
    ...extra
  })
}

/** The UpstreamError a call rejects with (fails the test if it resolves or throws something else). */
export async function upstreamErrorOf(work: Promise<unknown>): Promise<UpstreamError> {
  try {
    await work
  } catch (error) {
    expect(error).toBeInstanceOf(UpstreamError)
    return error as UpstreamError
  }
  throw new Error('expected the call to fail with an UpstreamError')
}

export interface ScriptedRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: IncomingMessage['headers']
  body: string
}

export type ScriptedReply =
  | { json: unknown; status?: number }
  | { raw: string; status: number; contentType?: string }
  /** Destroy the socket without answering. */
  | { destroy: true }

export interface ScriptedServer {
  url: string
  requests: ScriptedRequest[]
  close(): Promise<void>
}

/** A loopback HTTP server answering each request with whatever `script` says (errcodes the sandbox never gives). */
export async function startScripted(
  script: (req: ScriptedRequest) => ScriptedReply
): Promise<ScriptedServer> {
  const requests: ScriptedRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const request: ScriptedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8')
      }
      requests.push(request)
      const reply = script(request)
      if ('destroy' in reply) return req.socket.destroy()
      if ('json' in reply) {
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' })
        return res.end(JSON.stringify(reply.json))
      }
      res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'text/html' })
      res.end(reply.raw)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

/** A scripted server that hands out tokens and answers every API call with `api(req)`. */
export function tokenThen(api: (req: ScriptedRequest) => ScriptedReply, token = 'TOKEN_A_0123456789') {
  return (req: ScriptedRequest): ScriptedReply =>
    req.path === '/cgi-bin/stable_token' ? { json: { access_token: token, expires_in: 7200 } } : api(req)
}
