/**
 * The sandbox as a WeChat-compatible HTTP API on loopback only. WeChat paths go through Sandbox.handle;
 * transport faults destroy the socket so the client sees a real reset/timeout; /__sandbox/* is the admin API.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ADMIN_HEADER, ADMIN_PREFIX, handleAdmin } from './admin'
import { SandboxNetworkError } from './net-error'
import type { Sandbox } from './sandbox'
import { createTrainingSandbox } from './seed'

export interface SandboxServerOptions {
  /** Default: a training sandbox on the real clock. */
  sandbox?: Sandbox
  /** Default 0: any free port. */
  port?: number
}

export interface SandboxServer {
  /** 'http://127.0.0.1:PORT', no trailing slash. */
  url: string
  port: number
  sandbox: Sandbox
  close(): Promise<void>
}

const HOST = '127.0.0.1'
const MAX_BODY_BYTES = 1_000_000
const JSON_TYPE = 'application/json; encoding=utf-8'

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge()
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function send(res: ServerResponse, status: number, text: string, contentType: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

async function serve(sandbox: Sandbox, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', `http://${HOST}`)
  const method = req.method ?? 'GET'
  const body = await readBody(req)
  if (url.pathname.startsWith(ADMIN_PREFIX)) {
    const header = req.headers[ADMIN_HEADER]
    const reply = handleAdmin(
      sandbox,
      method,
      url.pathname,
      typeof header === 'string' ? header : undefined,
      body
    )
    return send(res, reply.status, JSON.stringify(reply.body), JSON_TYPE)
  }
  // If the client gives up (its timeout), a request hanging in a partition is released.
  const gone = new AbortController()
  res.on('close', () => gone.abort())
  const reply = await sandbox.handle({
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    body: method === 'GET' ? undefined : body,
    remoteIp: req.socket.remoteAddress ?? HOST,
    signal: gone.signal
  })
  if ('body' in reply) return send(res, reply.status, JSON.stringify(reply.body), JSON_TYPE)
  send(res, reply.status, reply.raw, reply.contentType)
}

export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const sandbox = options.sandbox ?? createTrainingSandbox()
  const server = createServer((req, res) => {
    serve(sandbox, req, res).catch((error: unknown) => {
      if (error instanceof SandboxNetworkError) return req.socket.destroy()
      if (error instanceof BodyTooLarge) return send(res, 413, '{"error":"body too large"}', JSON_TYPE)
      if (!res.headersSent) send(res, 500, JSON.stringify({ error: String(error) }), JSON_TYPE)
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://${HOST}:${port}`,
    port,
    sandbox,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Release requests hanging in a partition first; they end as destroyed sockets.
        sandbox.heal()
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
  }
}
