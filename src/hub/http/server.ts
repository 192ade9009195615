/**
 * The hub's HTTP + WebSocket face (docs/hub.md § Wire protocol). It only translates: authenticate, parse with the
 * shared schemas (src/shared/hub/protocol.ts), call the store, wrap the answer in the envelope. A request that
 * fails to parse never reaches the store, so it changes nothing.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { z } from 'zod'
import {
  FEED_PAGE_MAX,
  HUB_EPOCH_HEADER,
  HUB_PATHS,
  HUB_PROTOCOL_VERSION,
  HUB_STORE_HEADER,
  batchRequestSchema,
  claimRequestSchema,
  feedQuerySchema,
  pairRequestSchema,
  republishRequestSchema,
  revokeRequestSchema,
  setPolicyRequestSchema,
  transitionRequestSchema,
  type FeedFrame,
  type HubError
} from '../../shared/hub/protocol'
import { HTTP_STATUS, HubFailure } from '../store/failure'
import type { HubStore, TillAuth } from '../store/hubStore'

const BODY_LIMIT = 1024 * 1024

export interface HubHttpOptions {
  store: HubStore
  port: number
  host: string
  log: (line: string) => void
  /** The chain lane's paths (./chainRoutes.ts): true when it answered the request. */
  chain?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean
  /** The HQ page, its API and the chain token service (hqRoutes.ts); true when it answered the request. */
  hq?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>
}

export interface HubHttp {
  url: string
  port: number
  close: () => Promise<void>
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization
  if (!header) return undefined
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  return match?.[1]
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/json')
    throw new HubFailure('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.')
  const chunks: Buffer[] = []
  let size = 0
  // An oversized body is read to its end (and dropped) before answering, so the client sees the answer rather
  // than a reset connection.
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size <= BODY_LIMIT) chunks.push(chunk)
  }
  if (size > BODY_LIMIT)
    throw new HubFailure('BODY_TOO_LARGE', `The body is larger than ${BODY_LIMIT} bytes.`)
  const text = Buffer.concat(chunks).toString('utf8')
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new HubFailure('BAD_JSON', 'The body is not valid JSON.')
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value)
  if (!result.success)
    throw new HubFailure(
      'BAD_REQUEST',
      `The request does not match the protocol: ${result.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
        .join('; ')}`,
      result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }))
    )
  return result.data
}

export async function startHubHttp(options: HubHttpOptions): Promise<HubHttp> {
  const { store, log } = options

  const send = (res: ServerResponse, status: number, body: object): void => {
    const text = JSON.stringify({ epoch: store.epoch, hubAt: Date.now(), ...body })
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      [HUB_EPOCH_HEADER]: store.epoch
    })
    res.end(text)
  }
  const sendError = (res: ServerResponse, err: unknown): void => {
    if (err instanceof HubFailure) {
      const error: HubError = { code: err.code, message: err.message }
      if (err.details !== undefined) error.details = err.details
      send(res, HTTP_STATUS[err.code], { ok: false, error })
      return
    }
    log(`hub: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    send(res, 500, {
      ok: false,
      error: { code: 'INTERNAL', message: 'The hub failed to answer; nothing was changed.' }
    })
  }

  /** The till of the request, checked against the store it says it belongs to. */
  const authenticate = async (req: IncomingMessage): Promise<TillAuth> => {
    const token = bearer(req)
    if (!token)
      throw new HubFailure('TOKEN_MISSING', 'This request needs the till credential (Authorization: Bearer).')
    const till = await store.tillOfToken(token)
    if (!till)
      throw new HubFailure(
        'TOKEN_UNKNOWN',
        'This hub does not know this till credential. If the hub was replaced (see the epoch), pair the till again.'
      )
    if (till.revokedAt !== null)
      throw new HubFailure('TOKEN_REVOKED', `Till "${till.tillId}" was removed from this hub; pair it again.`)
    const claimedStore = req.headers[HUB_STORE_HEADER]
    if (typeof claimedStore !== 'string' || claimedStore === '')
      throw new HubFailure('STORE_MISSING', `Send the till's store id in the ${HUB_STORE_HEADER} header.`)
    if (claimedStore !== till.storeId || claimedStore !== store.storeId)
      throw new HubFailure(
        'STORE_MISMATCH',
        `This hub serves store "${store.storeId ?? ''}"; a till of store "${claimedStore}" cannot use it.`
      )
    return till
  }

  const requireAdmin = (req: IncomingMessage): void => {
    const token = bearer(req)
    if (!token || !store.isAdmin(token))
      throw new HubFailure(
        'ADMIN_TOKEN_INVALID',
        'This request needs the hub admin token (from the data directory).'
      )
  }

  const routes: Record<
    string,
    { method: 'GET' | 'POST'; handle: (req: IncomingMessage, url: URL) => Promise<object> }
  > = {
    [HUB_PATHS.health]: {
      method: 'GET',
      handle: async () => ({ protocol: HUB_PROTOCOL_VERSION, storeId: store.storeId })
    },
    [HUB_PATHS.pair]: {
      method: 'POST',
      handle: async (req) => store.pair(parse(pairRequestSchema, await readBody(req)))
    },
    [HUB_PATHS.claims]: {
      method: 'POST',
      handle: async (req) => {
        const till = await authenticate(req)
        return store.claim(till, parse(claimRequestSchema, await readBody(req)))
      }
    },
    [`GET ${HUB_PATHS.claims}`]: {
      method: 'GET',
      handle: async (req, url) => {
        await authenticate(req)
        const query = parse(feedQuerySchema, Object.fromEntries(url.searchParams))
        return store.feed(query.after, query.limit)
      }
    },
    [HUB_PATHS.transition]: {
      method: 'POST',
      handle: async (req) => {
        const till = await authenticate(req)
        return store.transition(till, parse(transitionRequestSchema, await readBody(req)))
      }
    },
    [HUB_PATHS.batch]: {
      method: 'POST',
      handle: async (req) => {
        const till = await authenticate(req)
        const body = parse(batchRequestSchema, await readBody(req))
        return { results: await store.batch(till, body.items) }
      }
    },
    [HUB_PATHS.republish]: {
      method: 'POST',
      handle: async (req) => {
        const till = await authenticate(req)
        const body = parse(republishRequestSchema, await readBody(req))
        return { results: await store.republish(till, body.claims) }
      }
    },
    [`GET ${HUB_PATHS.policy}`]: {
      method: 'GET',
      handle: async (req) => {
        await authenticate(req)
        return store.policy()
      }
    },
    [HUB_PATHS.policy]: {
      method: 'POST',
      handle: async (req) => {
        const till = await authenticate(req)
        return store.setPolicy(till, parse(setPolicyRequestSchema, await readBody(req)))
      }
    },
    [HUB_PATHS.adminPairingCodes]: {
      method: 'POST',
      handle: async (req) => {
        requireAdmin(req)
        return store.newPairingCode()
      }
    },
    [HUB_PATHS.adminRevoke]: {
      method: 'POST',
      handle: async (req) => {
        requireAdmin(req)
        const body = parse(revokeRequestSchema, await readBody(req))
        return { revoked: await store.revoke(body.tillId) }
      }
    },
    [HUB_PATHS.adminTills]: {
      method: 'GET',
      handle: async (req) => {
        requireAdmin(req)
        return { storeId: store.storeId, tills: await store.listTills() }
      }
    }
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://hub.invalid')
    if (options.chain?.(req, res, url)) return
    const route = (req.method === 'GET' && routes[`GET ${url.pathname}`]) || routes[url.pathname]
    void (async () => {
      try {
        if (!route && options.hq && (await options.hq(req, res, url))) return
        if (!route) throw new HubFailure('NOT_FOUND', `No such hub path: ${url.pathname}`)
        if (req.method !== route.method)
          throw new HubFailure(
            'METHOD_NOT_ALLOWED',
            `${url.pathname} takes ${route.method}, not ${req.method}.`
          )
        send(res, 200, { ok: true, value: await route.handle(req, url) })
      } catch (err) {
        sendError(res, err)
      }
    })()
  })
  server.keepAliveTimeout = 65_000

  // ---- WebSocket feed: each socket pulls from the database after its own cursor, so it never skips a sequence
  // number (they commit in order, see store/feedNumbering.ts) and needs no in-memory buffer.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 })
  const feeds = new Set<{ socket: WebSocket; cursor: number; busy: boolean; again: boolean }>()

  const pump = async (feed: {
    socket: WebSocket
    cursor: number
    busy: boolean
    again: boolean
  }): Promise<void> => {
    if (feed.busy) {
      feed.again = true
      return
    }
    feed.busy = true
    try {
      do {
        feed.again = false
        for (;;) {
          const page = await store.feed(feed.cursor, FEED_PAGE_MAX)
          if (page.events.length === 0 || feed.socket.readyState !== feed.socket.OPEN) break
          const frame: FeedFrame = { type: 'events', events: page.events }
          feed.socket.send(JSON.stringify(frame))
          feed.cursor = page.events.at(-1)?.seq ?? feed.cursor
          if (!page.more) break
        }
      } while (feed.again)
    } catch (err) {
      log(`hub: feed failed: ${err instanceof Error ? err.message : String(err)}`)
      feed.socket.close(1011, 'feed error')
    } finally {
      feed.busy = false
    }
  }
  store.onEvents = () => {
    for (const feed of feeds) void pump(feed)
  }
  // A policy change reaches every connected till at once; a till that was away gets it in its next hello.
  store.onPolicy = (policy) => {
    const frame: FeedFrame = { type: 'policy', policy }
    for (const feed of feeds)
      if (feed.socket.readyState === feed.socket.OPEN) feed.socket.send(JSON.stringify(frame))
  }

  const refuseUpgrade = (socket: Duplex, err: unknown): void => {
    const failure =
      err instanceof HubFailure ? err : new HubFailure('INTERNAL', 'The hub failed to open the feed.')
    const body = JSON.stringify({
      ok: false,
      epoch: store.epoch,
      hubAt: Date.now(),
      error: { code: failure.code, message: failure.message }
    })
    socket.end(
      `HTTP/1.1 ${HTTP_STATUS[failure.code]} Refused\r\ncontent-type: application/json\r\n${HUB_EPOCH_HEADER}: ${store.epoch}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`
    )
  }

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://hub.invalid')
    void (async () => {
      try {
        if (url.pathname !== HUB_PATHS.feed)
          throw new HubFailure('NOT_FOUND', `No such hub path: ${url.pathname}`)
        await authenticate(req)
        const query = parse(feedQuerySchema, Object.fromEntries(url.searchParams))
        wss.handleUpgrade(req, socket, head, (ws) => {
          const feed = { socket: ws, cursor: query.after, busy: false, again: false }
          feeds.add(feed)
          let alive = true
          ws.on('pong', () => (alive = true))
          // A till that vanished without closing (cable pulled) is dropped after a missed ping.
          const heartbeat = setInterval(() => {
            if (!alive) return ws.terminate()
            alive = false
            ws.ping()
          }, 15_000)
          ws.on('close', () => {
            clearInterval(heartbeat)
            feeds.delete(feed)
          })
          ws.on('message', () => ws.close(1008, 'the feed is one-way'))
          void Promise.all([store.feed(query.after, 1), store.policy()]).then(([page, policy]) => {
            const hello: FeedFrame = {
              type: 'hello',
              epoch: store.epoch,
              hubAt: Date.now(),
              storeId: store.storeId ?? '',
              lastSeq: page.lastSeq,
              policy
            }
            ws.send(JSON.stringify(hello))
            void pump(feed)
          })
        })
      } catch (err) {
        refuseUpgrade(socket, err)
      }
    })()
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const shownHost = options.host === '0.0.0.0' ? '127.0.0.1' : options.host
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: async () => {
      for (const feed of feeds) feed.socket.close(1001, 'hub stopping')
      wss.close()
      server.closeIdleConnections()
      // A request still in flight gets 5 s to finish, then its connection is cut (its transaction rolls back).
      const force = setTimeout(() => server.closeAllConnections(), 5_000)
      await new Promise<void>((resolve) => server.close(() => resolve()))
      clearTimeout(force)
    }
  }
}
