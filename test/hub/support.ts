/**
 * Helpers for the hub tests: a data directory the PostgreSQL account can reach, HTTP calls over real loopback,
 * pairing a till, and a row count of every hub table (to prove a refused request changed nothing).
 */
import { randomUUID } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type pg from 'pg'
import { HUB_STORE_HEADER, type ClaimRequest, type PairResponse } from '../../src/shared/hub/protocol'
import type { RunningHub } from '../../src/hub/hub'

const made: string[] = []

/** mkdtemp makes 0700 folders; PostgreSQL runs as another account when the tests run as root. */
export function hubDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hexiao-hub-'))
  chmodSync(dir, 0o755)
  made.push(dir)
  return join(dir, 'hub')
}

/** After the hubs stopped: each PostgreSQL data directory is ~40 MB. */
export function removeHubDataDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
}

export interface Reply {
  status: number
  body: {
    ok: boolean
    epoch: string
    hubAt: number
    value?: any // eslint-disable-line @typescript-eslint/no-explicit-any
    error?: { code: string; message: string; details?: unknown }
  }
  epochHeader: string | null
}

export async function call(
  url: string,
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; store?: string; body?: unknown; rawBody?: string; contentType?: string } = {}
): Promise<Reply> {
  const headers: Record<string, string> = {}
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.store) headers[HUB_STORE_HEADER] = options.store
  let body: string | undefined
  if (options.rawBody !== undefined || options.body !== undefined) {
    headers['content-type'] = options.contentType ?? 'application/json'
    body = options.rawBody ?? JSON.stringify(options.body)
  }
  const res = await fetch(`${url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) })
  return {
    status: res.status,
    body: (await res.json()) as Reply['body'],
    epochHeader: res.headers.get('x-hexiao-hub-epoch')
  }
}

export interface Till {
  tillId: string
  storeId: string
  token: string
  claim: (req: Partial<ClaimRequest> & { code: string }) => Promise<Reply>
  get: (path: string) => Promise<Reply>
  post: (path: string, body: unknown) => Promise<Reply>
}

export async function pairTill(
  hub: RunningHub,
  tillId: string,
  storeId: string,
  name = `${tillId} name`
): Promise<Till> {
  const { code } = await hub.store.newPairingCode()
  const reply = await call(hub.url, 'POST', '/v1/pair', {
    body: { pairingCode: code, storeId, tillId, tillName: name }
  })
  if (!reply.body.ok) throw new Error(`pairing failed: ${JSON.stringify(reply.body)}`)
  const paired = reply.body.value as PairResponse
  return tillOf(hub.url, paired.tillId, storeId, paired.token)
}

export function tillOf(url: string, tillId: string, storeId: string, token: string): Till {
  return {
    tillId,
    storeId,
    token,
    claim: (req) => call(url, 'POST', '/v1/claims', { token, store: storeId, body: claimBody(tillId, req) }),
    get: (path) => call(url, 'GET', path, { token, store: storeId }),
    post: (path, body) => call(url, 'POST', path, { token, store: storeId, body })
  }
}

export function claimBody(tillId: string, req: Partial<ClaimRequest> & { code: string }): ClaimRequest {
  return {
    redemptionId: randomUUID(),
    cardId: 'pCardA',
    till: tillId,
    cashier: { id: `${tillId}-c1`, name: `Cashier of ${tillId}` },
    amountFen: 1000,
    at: Date.UTC(2026, 11, 5, 8, 0, 0),
    ...req
  }
}

export const HUB_TABLES = [
  'hub_meta',
  'tills',
  'pairing_codes',
  'claims',
  'code_holds',
  'claim_events',
  'collisions',
  'store_policy'
]

/**
 * Waits until every committed feed event has its number: the hub numbers events right after the commit that wrote
 * them (src/hub/store/feedNumbering.ts), so a snapshot taken at once could see the numbering land in between.
 */
export async function feedNumbered(pool: pg.Pool, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const { rows } = await pool.query<{ pending: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM claim_events WHERE seq IS NULL) AS pending'
    )
    if (!rows[0]?.pending) return
    if (Date.now() > until) throw new Error('feed events were not numbered in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Every table's full contents as text (once the feed is numbered): equal before and after means nothing changed. */
export async function snapshot(pool: pg.Pool): Promise<string> {
  await feedNumbered(pool)
  const parts: string[] = []
  for (const table of HUB_TABLES) {
    const { rows } = await pool.query(`SELECT * FROM ${table} ORDER BY 1`)
    parts.push(`${table}:${JSON.stringify(rows)}`)
  }
  return parts.join('\n')
}
