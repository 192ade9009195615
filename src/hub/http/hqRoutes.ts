/**
 * The HQ face of the hub (docs/hq.md): the HQ page (static files of the built renderer entry hq.html, under a
 * strict Content-Security-Policy), its JSON API under /v1/hq/* (session cookie, roles) and the chain token
 * service for tills (/v1/wechat/token, bearer = the till's chain token). Like server.ts it only authenticates,
 * parses with the shared schemas (src/shared/hub/hqProtocol.ts) and calls src/hub/hq.
 *
 * Cross-site requests: the session cookie is HttpOnly and SameSite=Strict, every POST must be
 * application/json (a plain HTML form cannot send that), and a request whose Origin is not this hub is refused.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import type { z } from 'zod'
import {
  HQ_PAGE_PATH,
  HQ_PATHS,
  HQ_SESSION_COOKIE,
  dayQuerySchema,
  duplicatesQuerySchema,
  enrolmentCodeRequestSchema,
  newStoreSchema,
  quietQuerySchema,
  revokeTillSchema,
  signInRequestSchema,
  type HqError,
  type HqUserView
} from '../../shared/hub/hqProtocol'
import type { HqAuth, HqUser } from '../hq/hqAuth'
import { SESSION } from '../hq/hqAuth'
import type { HqQueries } from '../hq/hqQueries'
import { dayCsv, dayXlsx } from '../hq/export'
import { HQ_HTTP_STATUS, HqFailure } from '../hq/failure'
import type { ChainTokens } from '../hq/wechatToken'

const BODY_LIMIT = 64 * 1024
const REJECTED_TOKEN_HEADER = 'x-hexiao-rejected-token-sha256'

export const HQ_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // antd writes its styles at run time (CSS-in-JS): inline styles only, never inline scripts.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'"
].join('; ')

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.json': 'application/json'
}

export interface HqRoutesOptions {
  auth: HqAuth
  queries: HqQueries
  tokens: ChainTokens
  /** The built renderer (out/renderer) holding hq.html and assets/; null: the page is not built. */
  pageDir: string | null
  /** Throws when the database does not answer (GET /v1/ready, for a load balancer). */
  ping: () => Promise<void>
  /** The chain till of a bearer token (not revoked), or null. */
  tillOfToken: (token: string) => Promise<{ tillId: string } | null>
  log: (line: string) => void
}

function cookieOf(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return undefined
}

function bearer(req: IncomingMessage): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value)
  if (!result.success)
    throw new HqFailure(
      'BAD_REQUEST',
      result.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
        .join('; ')
    )
  return result.data
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/json') throw new HqFailure('BAD_REQUEST', 'Send the body as application/json.')
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size <= BODY_LIMIT) chunks.push(chunk)
  }
  if (size > BODY_LIMIT) throw new HqFailure('BAD_REQUEST', 'The body is too large.')
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
  } catch {
    throw new HqFailure('BAD_REQUEST', 'The body is not valid JSON.')
  }
}

const userView = (user: HqUser): HqUserView => ({
  login: user.login,
  name: user.name,
  role: user.role,
  region: user.region
})

/** Returns a handler: true when it answered the request (an HQ path), false to let server.ts route it. */
export function hqRoutes(options: HqRoutesOptions) {
  const { auth, queries, tokens, log } = options

  const sendJson = (
    res: ServerResponse,
    status: number,
    body: object,
    headers: Record<string, string> = {}
  ) => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers
    })
    res.end(JSON.stringify(body))
  }
  const sendError = (res: ServerResponse, err: unknown) => {
    if (err instanceof HqFailure) {
      const error: HqError = { code: err.code, message: err.message }
      if (err.details) error.details = err.details
      return sendJson(res, HQ_HTTP_STATUS[err.code], { ok: false, error })
    }
    log(`hub: HQ request failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'The hub failed to answer.' } })
  }

  const sessionCookie = (req: IncomingMessage, value: string, maxAgeS: number): string => {
    const secure = req.headers['x-forwarded-proto'] === 'https' ? '; Secure' : ''
    return `${HQ_SESSION_COOKIE}=${value}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeS}${secure}`
  }

  const signedIn = async (req: IncomingMessage): Promise<HqUser> => {
    const token = cookieOf(req, HQ_SESSION_COOKIE)
    const user = token ? await auth.userOf(token) : null
    if (!user) throw new HqFailure('SIGNED_OUT', 'Sign in first.')
    return user
  }

  const sameOrigin = (req: IncomingMessage): void => {
    const origin = req.headers.origin
    if (origin === undefined) return
    // Behind a TLS proxy the browser's host arrives as X-Forwarded-Host (or the proxy passes Host through).
    const hosts = [req.headers.host, req.headers['x-forwarded-host']].flatMap((h) =>
      typeof h === 'string' ? h.split(',').map((x) => x.trim()) : []
    )
    if (!hosts.some((host) => origin === `http://${host}` || origin === `https://${host}`))
      throw new HqFailure('FORBIDDEN', 'A request from another site is refused.')
  }

  const serveFile = (res: ServerResponse, file: string): boolean => {
    if (!options.pageDir) return false
    const root = normalize(options.pageDir + sep)
    const path = normalize(join(options.pageDir, file))
    if (!path.startsWith(root) || !existsSync(path) || !statSync(path).isFile()) return false
    res.writeHead(200, {
      'content-type': MIME[extname(path)] ?? 'application/octet-stream',
      'content-security-policy': HQ_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cache-control': file.endsWith('.html') ? 'no-store' : 'public, max-age=3600'
    })
    res.end(readFileSync(path))
    return true
  }

  type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>
  const api: Record<string, Handler> = {
    [`POST ${HQ_PATHS.session}`]: async (req, res) => {
      sameOrigin(req)
      const body = parse(signInRequestSchema, await readJson(req))
      const session = await auth.signIn(body.login, body.password)
      sendJson(
        res,
        200,
        { ok: true, value: { user: userView(session.user) } },
        { 'set-cookie': sessionCookie(req, session.token, Math.floor(SESSION.lifetimeMs / 1000)) }
      )
    },
    [`POST ${HQ_PATHS.signOut}`]: async (req, res) => {
      sameOrigin(req)
      const token = cookieOf(req, HQ_SESSION_COOKIE)
      if (token) await auth.signOut(token)
      sendJson(res, 200, { ok: true, value: {} }, { 'set-cookie': sessionCookie(req, '', 0) })
    },
    [`GET ${HQ_PATHS.me}`]: async (req, res) => {
      sendJson(res, 200, { ok: true, value: { user: userView(await signedIn(req)) } })
    },
    [`GET ${HQ_PATHS.day}`]: async (req, res, url) => {
      const user = await signedIn(req)
      const q = parse(dayQuerySchema, Object.fromEntries(url.searchParams))
      sendJson(res, 200, { ok: true, value: await queries.day(user, q.date, q.store) })
    },
    [`GET ${HQ_PATHS.quiet}`]: async (req, res, url) => {
      const user = await signedIn(req)
      const q = parse(quietQuerySchema, Object.fromEntries(url.searchParams))
      sendJson(res, 200, { ok: true, value: await queries.quiet(user, q.minutes) })
    },
    [`GET ${HQ_PATHS.duplicates}`]: async (req, res, url) => {
      const user = await signedIn(req)
      const q = parse(duplicatesQuerySchema, Object.fromEntries(url.searchParams))
      sendJson(res, 200, { ok: true, value: { duplicates: await queries.duplicates(user, q.date) } })
    },
    [`GET ${HQ_PATHS.stores}`]: async (req, res) => {
      const user = await signedIn(req)
      sendJson(res, 200, { ok: true, value: { stores: await queries.stores(user) } })
    },
    [`POST ${HQ_PATHS.stores}`]: async (req, res) => {
      sameOrigin(req)
      const user = await signedIn(req)
      await queries.addStore(user, parse(newStoreSchema, await readJson(req)))
      sendJson(res, 200, { ok: true, value: {} })
    },
    [`POST ${HQ_PATHS.enrolmentCodes}`]: async (req, res) => {
      sameOrigin(req)
      const user = await signedIn(req)
      const body = parse(enrolmentCodeRequestSchema, await readJson(req))
      sendJson(res, 200, { ok: true, value: await queries.newEnrolmentCode(user, body.storeId) })
    },
    [`POST ${HQ_PATHS.revokeTill}`]: async (req, res) => {
      sameOrigin(req)
      const user = await signedIn(req)
      const body = parse(revokeTillSchema, await readJson(req))
      sendJson(res, 200, { ok: true, value: await queries.revokeTill(user, body.tillId) })
    },
    [`GET ${HQ_PATHS.exportCsv}`]: async (req, res, url) => {
      const user = await signedIn(req)
      const q = parse(dayQuerySchema, Object.fromEntries(url.searchParams))
      const body = dayCsv(await queries.dayRows(user, q.date, q.store), q.lang ?? 'zh-CN')
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="hq-${q.date}${q.store ? `-${q.store}` : ''}.csv"`,
        'cache-control': 'no-store'
      })
      res.end(body)
    },
    [`GET ${HQ_PATHS.exportXlsx}`]: async (req, res, url) => {
      const user = await signedIn(req)
      const q = parse(dayQuerySchema, Object.fromEntries(url.searchParams))
      const view = await queries.day(user, q.date, q.store)
      const body = await dayXlsx(view, await queries.dayRows(user, q.date, q.store), q.lang ?? 'zh-CN')
      res.writeHead(200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="hq-${q.date}${q.store ? `-${q.store}` : ''}.xlsx"`,
        'cache-control': 'no-store'
      })
      res.end(body)
    },
    // Readiness for a load balancer or a monitor: this process answers AND its database does (GET /v1/health
    // answers without touching the database).
    [`GET ${HQ_PATHS.ready}`]: async (_req, res) => {
      const started = Date.now()
      try {
        await options.ping()
        sendJson(res, 200, { ok: true, value: { database: 'up', ms: Date.now() - started } })
      } catch {
        sendJson(res, 503, {
          ok: false,
          error: { code: 'INTERNAL', message: 'The database does not answer.' }
        })
      }
    },
    // The token-service protocol of src/main/upstream/README.md: WeChat's own JSON shapes, not the HQ envelope.
    [`GET ${HQ_PATHS.wechatToken}`]: async (req, res) => {
      const token = bearer(req)
      const till = token ? await options.tillOfToken(token) : null
      if (!till)
        return sendJson(res, 401, { errcode: 40001, errmsg: 'this till is not enrolled or was revoked' })
      const rejected = req.headers[REJECTED_TOKEN_HEADER]
      const answer = await tokens.token(
        typeof rejected === 'string' && /^[0-9a-f]{64}$/i.test(rejected) ? rejected.toLowerCase() : undefined
      )
      switch (answer.kind) {
        case 'grant':
          return sendJson(res, 200, answer.grant)
        case 'wechat_error':
          return sendJson(res, 200, answer.body)
        case 'unavailable':
          return sendJson(
            res,
            503,
            { errcode: -1, errmsg: answer.reason },
            answer.retryAfterS ? { 'retry-after': String(answer.retryAfterS) } : {}
          )
        case 'not_configured':
          log(`hub: a till asked for a WeChat token, but ${answer.reason}`)
          return sendJson(res, 503, { errcode: -1, errmsg: 'the hub holds no WeChat AppSecret yet' })
      }
    }
  }

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const path = url.pathname
    if (req.method === 'GET' && (path === HQ_PAGE_PATH || path === `${HQ_PAGE_PATH}/`)) {
      if (!serveFile(res, 'hq.html'))
        sendJson(res, 404, {
          ok: false,
          error: { code: 'NOT_FOUND', message: 'The HQ page is not built: run npx electron-vite build.' }
        })
      return true
    }
    if (req.method === 'GET' && (path.startsWith('/assets/') || path.startsWith(`${HQ_PAGE_PATH}/assets/`))) {
      const file = path.startsWith('/assets/') ? path : path.slice(HQ_PAGE_PATH.length)
      if (!serveFile(res, decodeURIComponent(file).slice(1)))
        sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'No such file.' } })
      return true
    }
    const handler = api[`${req.method ?? 'GET'} ${path}`]
    if (!handler) {
      if (path.startsWith('/v1/hq/') || path === HQ_PATHS.wechatToken || path === HQ_PATHS.ready) {
        sendError(res, new HqFailure('NOT_FOUND', `No such HQ path or method: ${req.method} ${path}`))
        return true
      }
      return false
    }
    try {
      await handler(req, res, url)
    } catch (err) {
      sendError(res, err)
    }
    return true
  }
}

/** The SHA-256 a chain till's token is kept as (chain_tills.token_hash). */
export const chainTokenHash = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest()
