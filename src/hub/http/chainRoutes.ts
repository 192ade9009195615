/**
 * The chain lane's HTTP face (docs/chain.md § Protocol): POST /v1/events and /v1/enrol for tills, and the chain's
 * admin paths. Like server.ts it only translates: read (gunzip), parse with src/shared/hub/chainProtocol.ts,
 * authenticate, call src/hub/chain, wrap the answer in the envelope. A request that fails to parse never reaches
 * the database.
 *
 * A store hub started with a chain address (`--chain-url`) does not ingest: it forwards the tills' requests to the
 * chain hub unchanged (same path, headers and body) and relays the answer, so a till without its own way out
 * reaches HQ through its store (docs/chain.md § Two paths).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { gunzip } from 'node:zlib'
import { promisify } from 'node:util'
import type { z } from 'zod'
import {
  CHAIN_BATCH_LIMITS,
  CHAIN_PATHS,
  chainClaimRequestSchema,
  chainReleaseRequestSchema,
  chainRevokeRequestSchema,
  chainStoreRequestSchema,
  enrolRequestSchema,
  enrolmentCodeRequestSchema,
  eventsRequestSchema,
  type ChainError
} from '../../shared/hub/chainProtocol'
import { HUB_EPOCH_HEADER, HUB_STORE_HEADER } from '../../shared/hub/protocol'
import type { ChainClaims } from '../chain/chainClaims'
import type { ChainIngest, ChainTill } from '../chain/chainIngest'
import type { EnrolmentGuard } from '../chain/enrolmentGuard'
import { CHAIN_HTTP_STATUS, ChainFailure } from '../chain/failure'

const gunzipAsync = promisify(gunzip)

export interface ChainRoutesOptions {
  /** Null on a store hub that forwards (then `forwardTo` is set). */
  chain: ChainIngest | null
  /** Claims before committing (null on a store hub that forwards, or where they are not offered). */
  claims?: ChainClaims | null
  forwardTo: string | null
  epoch: () => string
  isAdmin: (token: string) => boolean
  log: (line: string) => void
  /** The brute-force lock-out of enrolment codes (null on a store hub that forwards). */
  guard?: EnrolmentGuard | null
  /** A forwarding store hub's own store: added as the store header of a till's enrolment that names none. */
  storeId?: () => string | null
}

/** Returns a handler that answers the chain paths and says false for any other path (server.ts goes on). */
export function chainRoutes(
  options: ChainRoutesOptions
): (req: IncomingMessage, res: ServerResponse, url: URL) => boolean {
  const { chain, log } = options

  const send = (res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}) => {
    const epoch = options.epoch()
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      [HUB_EPOCH_HEADER]: epoch,
      ...headers
    })
    res.end(JSON.stringify({ epoch, hubAt: Date.now(), ...body }))
  }
  const sendError = (res: ServerResponse, err: unknown): void => {
    if (err instanceof ChainFailure) {
      const error: ChainError = { code: err.code, message: err.message }
      if (err.details !== undefined) error.details = err.details
      const headers: Record<string, string> =
        err.retryAfterS !== undefined ? { 'retry-after': String(err.retryAfterS) } : {}
      send(res, CHAIN_HTTP_STATUS[err.code], { ok: false, error }, headers)
      return
    }
    log(`hub chain: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    send(res, 500, {
      ok: false,
      error: { code: 'INTERNAL', message: 'The hub failed to answer; nothing was changed.' }
    })
  }

  const readRaw = async (req: IncomingMessage): Promise<Buffer> => {
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size <= CHAIN_BATCH_LIMITS.wireBytes) chunks.push(chunk)
    }
    if (size > CHAIN_BATCH_LIMITS.wireBytes)
      throw new ChainFailure(
        'BODY_TOO_LARGE',
        `The body is larger than ${CHAIN_BATCH_LIMITS.wireBytes} bytes.`
      )
    return Buffer.concat(chunks)
  }

  const readJson = async (req: IncomingMessage): Promise<unknown> => {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
    if (type !== 'application/json')
      throw new ChainFailure('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.')
    const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase()
    if (encoding !== 'gzip' && encoding !== 'identity')
      throw new ChainFailure('BAD_ENCODING', `Content-Encoding "${encoding}" is not taken; use gzip.`)
    let raw = await readRaw(req)
    if (encoding === 'gzip') {
      try {
        raw = await gunzipAsync(raw, { maxOutputLength: CHAIN_BATCH_LIMITS.inflatedBytes })
      } catch (err) {
        const tooBig = (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
        throw new ChainFailure(
          tooBig ? 'BODY_TOO_LARGE' : 'BAD_ENCODING',
          tooBig
            ? `The body inflates beyond ${CHAIN_BATCH_LIMITS.inflatedBytes} bytes.`
            : 'The body is not valid gzip.'
        )
      }
    }
    try {
      return JSON.parse(raw.toString('utf8')) as unknown
    } catch {
      throw new ChainFailure('BAD_JSON', 'The body is not valid JSON.')
    }
  }

  const parse = <S extends z.ZodType>(schema: S, value: unknown): z.infer<S> => {
    const result = schema.safeParse(value)
    if (!result.success)
      throw new ChainFailure(
        'BAD_REQUEST',
        `The request does not match the protocol: ${result.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
          .join('; ')}`,
        result.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String), message: i.message }))
      )
    return result.data
  }

  const bearer = (req: IncomingMessage): string | undefined =>
    /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]

  const authenticate = async (ingest: ChainIngest, req: IncomingMessage): Promise<ChainTill> => {
    const token = bearer(req)
    if (!token)
      throw new ChainFailure(
        'TOKEN_MISSING',
        'This request needs the till credential (Authorization: Bearer).'
      )
    const till = await ingest.tillOfToken(token)
    if (!till)
      throw new ChainFailure(
        'TOKEN_UNKNOWN',
        'This chain hub does not know this till credential; enrol the till.'
      )
    if (till.revokedAt !== null)
      throw new ChainFailure(
        'TOKEN_REVOKED',
        `HQ revoked till "${till.tillId}"; enrol it again with a new code.`
      )
    const store = req.headers[HUB_STORE_HEADER]
    if (typeof store !== 'string' || store === '')
      throw new ChainFailure('STORE_MISSING', `Send the till's store id in the ${HUB_STORE_HEADER} header.`)
    if (store !== till.storeId)
      throw new ChainFailure(
        'STORE_MISMATCH',
        `Till "${till.tillId}" belongs to store "${till.storeId}", not "${store}".`
      )
    return till
  }

  const requireAdmin = (req: IncomingMessage): void => {
    const token = bearer(req)
    if (!token || !options.isAdmin(token))
      throw new ChainFailure(
        'ADMIN_TOKEN_INVALID',
        'This request needs the hub admin token (from the data directory).'
      )
  }

  const claimsOf = (): ChainClaims => {
    if (!options.claims)
      throw new ChainFailure('NOT_FOUND', 'This hub does not take claims before committing.')
    return options.claims
  }

  const local: Record<string, (req: IncomingMessage, ingest: ChainIngest) => Promise<object>> = {
    [CHAIN_PATHS.events]: async (req, ingest) => {
      // The slot first, before the token look-up and the body: a refused batch costs the database nothing.
      const release = await ingest.acquire()
      try {
        const till = await authenticate(ingest, req)
        return await ingest.ingestAdmitted(till, parse(eventsRequestSchema, await readJson(req)))
      } finally {
        release()
      }
    },
    [CHAIN_PATHS.enrol]: async (req, ingest) => {
      const body = parse(enrolRequestSchema, await readJson(req))
      const store = req.headers[HUB_STORE_HEADER]
      const attempt = {
        source: req.socket.remoteAddress ?? 'unknown',
        storeId: typeof store === 'string' && store !== '' ? store.slice(0, 64) : null,
        tillId: body.tillId
      }
      const guard = options.guard
      await guard?.check(attempt)
      try {
        const enrolled = await ingest.enrol(body)
        await guard?.record({ ...attempt, storeId: enrolled.storeId }, 'enrolled')
        return enrolled
      } catch (err) {
        if (err instanceof ChainFailure && err.code === 'ENROLMENT_CODE_INVALID') {
          await guard?.record(attempt, 'refused')
          log(`hub chain: a wrong enrolment code from ${attempt.source} (till ${attempt.tillId})`)
        }
        throw err
      }
    },
    // Authenticated before the body is read, like the events: a refused till costs a token look-up only.
    [CHAIN_PATHS.claims]: async (req, ingest) => {
      const till = await authenticate(ingest, req)
      return claimsOf().claim(till, parse(chainClaimRequestSchema, await readJson(req)))
    },
    [CHAIN_PATHS.claimRelease]: async (req, ingest) => {
      const till = await authenticate(ingest, req)
      return claimsOf().release(till, parse(chainReleaseRequestSchema, await readJson(req)))
    },
    [CHAIN_PATHS.adminStores]: async (req, ingest) => {
      requireAdmin(req)
      const body = parse(chainStoreRequestSchema, await readJson(req))
      await ingest.upsertStore(body)
      return { storeId: body.storeId }
    },
    [CHAIN_PATHS.adminEnrolmentCodes]: async (req, ingest) => {
      requireAdmin(req)
      return ingest.newEnrolmentCode(parse(enrolmentCodeRequestSchema, await readJson(req)).storeId)
    },
    [CHAIN_PATHS.adminRevoke]: async (req, ingest) => {
      requireAdmin(req)
      return { revoked: await ingest.revokeTill(parse(chainRevokeRequestSchema, await readJson(req)).tillId) }
    }
  }
  // A till whose lane goes through its store hub claims through it too (its chain address is the store hub's).
  const forwarded = new Set<string>([
    CHAIN_PATHS.events,
    CHAIN_PATHS.enrol,
    CHAIN_PATHS.claims,
    CHAIN_PATHS.claimRelease
  ])

  /** The store hub's relay: the till's request as it came, the chain hub's answer as it came. */
  const forward = async (req: IncomingMessage, res: ServerResponse, url: URL, base: string) => {
    const headers: Record<string, string> = {}
    for (const name of ['authorization', 'content-type', 'content-encoding', HUB_STORE_HEADER]) {
      const value = req.headers[name]
      if (typeof value === 'string') headers[name] = value
    }
    // An enrolment through this store hub counts against this store's lock-out at the chain hub.
    const ownStore = options.storeId?.() ?? null
    if (url.pathname === CHAIN_PATHS.enrol && !headers[HUB_STORE_HEADER] && ownStore)
      headers[HUB_STORE_HEADER] = ownStore
    const body = await readRaw(req)
    let answer: Response
    let text: Buffer
    try {
      answer = await fetch(new URL(url.pathname, base), {
        method: 'POST',
        headers,
        body: new Uint8Array(body),
        signal: AbortSignal.timeout(30_000)
      })
      text = Buffer.from(await answer.arrayBuffer())
    } catch (err) {
      throw new ChainFailure(
        'UPSTREAM_UNREACHABLE',
        `The store hub could not reach the chain hub (${err instanceof Error ? err.message : String(err)}); nothing was sent.`
      )
    }
    const out: Record<string, string> = {
      'content-type': answer.headers.get('content-type') ?? 'application/json; charset=utf-8',
      'cache-control': 'no-store'
    }
    for (const name of ['retry-after', HUB_EPOCH_HEADER]) {
      const value = answer.headers.get(name)
      if (value) out[name] = value
    }
    res.writeHead(answer.status, out)
    res.end(text)
  }

  return (req, res, url) => {
    const isForward = options.forwardTo !== null && forwarded.has(url.pathname)
    const handle = local[url.pathname]
    if (!handle) return false
    void (async () => {
      try {
        if (req.method !== 'POST')
          throw new ChainFailure('METHOD_NOT_ALLOWED', `${url.pathname} takes POST, not ${req.method}.`)
        if (isForward) return await forward(req, res, url, options.forwardTo!)
        if (!chain)
          throw new ChainFailure('NOT_FOUND', `This hub does not take the chain lane (${url.pathname}).`)
        send(res, 200, { ok: true, value: await handle(req, chain) })
      } catch (err) {
        sendError(res, err)
      }
    })()
    return true
  }
}
