/**
 * The Node host: the station's main-process services without Electron. It serves the
 * built renderer and the IPC contract over a WebSocket, on 127.0.0.1 only, guarded by a
 * random per-run token (given to the page in the URL fragment, which never reaches the
 * server's logs) and by Host/Origin checks against DNS rebinding.
 */
import { createServer, type IncomingMessage } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { contentSecurityPolicy } from '../security/csp'
import { createDispatcher } from '../ipc/dispatcher'
import { Session } from '../ipc/session'
import type { Station } from '../station/station'
import { isDownloadPath, serveDownload } from '../reports/downloads'
import { serveStatic } from './staticFiles'
import { ClientFrame, type ServerFrame } from '../../shared/ipc/wire'

export interface HostOptions {
  /** What a transport uses of the station: its handler map and its event bus (both stable across restores). */
  station: Pick<Station, 'handlers' | 'events'>
  rendererDir: string
  port?: number
  log?: (line: string) => void
}

export interface RunningHost {
  url: string
  origin: string
  token: string
  port: number
  close(): Promise<void>
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const log = options.log ?? (() => {})
  const token = randomBytes(24).toString('base64url')
  const dispatch = createDispatcher(options.station.handlers, log)
  let origins: string[] = []
  let headers: Record<string, string> = {}

  const server = createServer((req, res) => {
    if (!hostHeaderAllowed(req, origins)) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected request')
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end()
      return
    }
    // Exports a signed-in manager asked for: one-time tokens from reports.export (src/main/reports/downloads.ts).
    if (isDownloadPath(req.url)) return serveDownload(req.url ?? '', res, headers)
    void serveStatic(options.rendererDir, req.url ?? '/', res, headers)
  })
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 })

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const reason = refuseUpgrade(req, url, token, origins)
    if (reason) {
      log(`[host] refused a WebSocket: ${reason}`)
      socket.end(`HTTP/1.1 ${reason}\r\nConnection: close\r\n\r\n`)
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveConnection(ws, req.headers.origin ?? ''))
  })

  function serveConnection(ws: WebSocket, origin: string): void {
    const session = new Session(origin)
    const send = (message: ServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message))
    }
    const unsubscribe = options.station.events.onAny((event, payload) => send({ t: 'event', event, payload }))
    ws.on('close', unsubscribe)
    ws.on('message', (data) => {
      let parsed: ClientFrame
      try {
        const result = ClientFrame.safeParse(JSON.parse(String(data)))
        if (!result.success) return send({ t: 'error', message: 'Malformed message' })
        parsed = result.data
      } catch {
        return send({ t: 'error', message: 'Malformed message' })
      }
      void dispatch(parsed.channel, parsed.request, session).then((result) =>
        send({ t: 'result', id: parsed.id, result })
      )
    })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`
  origins = [origin, `http://localhost:${port}`]
  headers = {
    'Content-Security-Policy': contentSecurityPolicy([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin'
  }
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate()
        wss.close()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

function hostHeaderAllowed(req: IncomingMessage, origins: readonly string[]): boolean {
  const host = req.headers.host
  return host !== undefined && origins.some((o) => o === `http://${host}`)
}

/** Why an upgrade is refused (an HTTP status line), or null to accept. */
function refuseUpgrade(
  req: IncomingMessage,
  url: URL,
  token: string,
  origins: readonly string[]
): string | null {
  if (url.pathname !== '/ipc') return '404 Not Found'
  if (!hostHeaderAllowed(req, origins)) return '421 Misdirected Request'
  const given = Buffer.from(url.searchParams.get('token') ?? '')
  const expected = Buffer.from(token)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return '401 Unauthorized'
  const origin = req.headers.origin
  if (origin !== undefined && !origins.includes(origin)) return '403 Forbidden'
  return null
}
