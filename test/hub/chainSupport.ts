/**
 * Helpers for the chain lane tests: a store with enrolled tills over real HTTP, events as a till's lane makes them,
 * batches sent plain or gzip, and the chain tables' contents (equal before and after = nothing changed).
 */
import { randomUUID } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import type pg from 'pg'
import type { ChainEvent, EnrolResponse } from '../../src/shared/hub/chainProtocol'
import { HUB_STORE_HEADER } from '../../src/shared/hub/protocol'
import type { RunningHub } from '../../src/hub/hub'
import type { Reply } from './support'

export type RedeemedEvent = Extract<ChainEvent, { kind: 'redeemed' }>

export const DAY = '2026-12-05'
export const AT = Date.UTC(2026, 11, 5, 2, 0, 0)

export async function post(
  url: string,
  path: string,
  body: unknown,
  options: { token?: string; store?: string; gzip?: boolean; raw?: Buffer | string } = {}
): Promise<Reply & { retryAfter: string | null }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.store) headers[HUB_STORE_HEADER] = options.store
  let data: Buffer | string = options.raw ?? JSON.stringify(body)
  if (options.gzip) {
    headers['content-encoding'] = 'gzip'
    data = gzipSync(data)
  }
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers,
    body: typeof data === 'string' ? data : new Uint8Array(data)
  })
  return {
    status: res.status,
    body: (await res.json()) as Reply['body'],
    epochHeader: res.headers.get('x-hexiao-hub-epoch'),
    retryAfter: res.headers.get('retry-after')
  }
}

export async function addStore(hub: RunningHub, storeId: string, name = `${storeId} 店`): Promise<void> {
  const r = await post(hub.url, '/v1/admin/chain/stores', { storeId, name }, { token: hub.adminToken })
  if (!r.body.ok) throw new Error(JSON.stringify(r.body))
}

export interface LaneTill {
  tillId: string
  storeId: string
  token: string
  /** The till's next seq. */
  next: number
  /** Everything it ever made, by seq. */
  made: ChainEvent[]
}

export async function enrol(
  hub: RunningHub,
  storeId: string,
  tillId: string,
  url = hub.url
): Promise<LaneTill> {
  const { code } = await hub.chain.newEnrolmentCode(storeId)
  const r = await post(url, '/v1/enrol', { enrolmentCode: code, tillId, tillName: `${tillId} 号机` })
  if (!r.body.ok) throw new Error(JSON.stringify(r.body))
  const v = r.body.value as EnrolResponse
  return { tillId, storeId, token: v.token, next: 1, made: [] }
}

export function redeemed(
  till: LaneTill,
  code: string,
  extra: { at?: number; day?: string; amountFen?: number; cardId?: string; customCode?: boolean } = {}
): RedeemedEvent {
  const event: RedeemedEvent = {
    seq: till.next++,
    eventId: randomUUID(),
    kind: 'redeemed',
    tillAt: extra.at ?? AT,
    businessDate: extra.day ?? DAY,
    body: {
      redemptionId: randomUUID(),
      cardId: extra.cardId ?? 'pCardA',
      customCode: extra.customCode ?? false,
      code,
      cardTitle: '10元代金券',
      cashierId: `${till.tillId}-c`,
      cashierName: '王芳',
      amountFen: extra.amountFen ?? 1000,
      billFen: 5000,
      redeemedAt: extra.at ?? AT,
      status: 'pending'
    }
  }
  till.made.push(event)
  return event
}

export function statusEvent(
  till: LaneTill,
  kind: 'synced' | 'conflict' | 'rejected' | 'voided',
  redemptionId: string,
  at = AT + 1000
): ChainEvent {
  const event: ChainEvent = {
    seq: till.next++,
    eventId: randomUUID(),
    kind,
    tillAt: at,
    businessDate: DAY,
    body: { redemptionId, reason: null }
  } as ChainEvent
  till.made.push(event)
  return event
}

export function send(
  url: string,
  till: LaneTill,
  events: ChainEvent[],
  options: { seen?: number[]; gzip?: boolean; queueDepth?: number } = {}
) {
  return post(
    url,
    '/v1/events',
    { tillId: till.tillId, queueDepth: options.queueDepth ?? 0, events, seenDuplicates: options.seen ?? [] },
    { token: till.token, store: till.storeId, gzip: options.gzip ?? true }
  )
}

export const CHAIN_TABLES = [
  'chain_stores',
  'chain_tills',
  'enrolment_codes',
  'till_events',
  'till_cursor',
  'redemptions',
  'code_claims',
  'chain_duplicates'
]

export async function chainSnapshot(pool: pg.Pool): Promise<string> {
  const parts: string[] = []
  for (const table of CHAIN_TABLES) {
    const { rows } = await pool.query(`SELECT * FROM ${table} ORDER BY 1, 2`)
    parts.push(`${table}:${JSON.stringify(rows)}`)
  }
  return parts.join('\n')
}

export interface Counts {
  till_events: number
  redemptions: number
  code_claims: number
  chain_duplicates: number
}

export async function counts(pool: pg.Pool): Promise<Counts> {
  const out: Counts = { till_events: 0, redemptions: 0, code_claims: 0, chain_duplicates: 0 }
  for (const table of Object.keys(out) as Array<keyof Counts>) {
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)
    out[table] = rows[0]!.n
  }
  return out
}
