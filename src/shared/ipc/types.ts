/** Payload types that cross the IPC boundary. Plain data only: JSON-safe, no class instances. */

import type { ErrorCode } from '../errors'

export type StationMode = 'training' | 'live'

export interface AppInfo {
  version: string
  mode: StationMode
  /** Highest migration applied to the open database. */
  schemaVersion: number
  /** IANA zone of the store, e.g. Asia/Shanghai. */
  timeZone: string
  /** Which process hosts the services: the Electron main process or the Node host. */
  runtime: 'electron' | 'node-host'
}

export interface DbPing {
  ok: true
  /** Round trip of a trivial query, in microseconds (informational). */
  roundTripMicros: number
  journalMode: string
  schemaVersion: number
  /** The background full integrity check: damaged means every write is stopped (docs/reliability.md). */
  integrity: 'pending' | 'checking' | 'ok' | 'damaged'
}

/**
 * Every code an 'app.notice' can carry. Each is also an error code, so its words are the catalogue's
 * `errors.<CODE>` (src/shared/i18n); test/shared/words.test.ts fails on one without zh-CN and English.
 */
export const NOTICE_CODES = ['DB_DAMAGED', 'DEVICES_FAILED'] as const satisfies readonly ErrorCode[]
export type NoticeCode = (typeof NOTICE_CODES)[number]

/** A notice from main: a code and the params its words use, never words (docs/i18n.md). */
export interface AppNotice {
  level: 'info' | 'warning' | 'error'
  code: NoticeCode
  params: Record<string, string | number>
}
