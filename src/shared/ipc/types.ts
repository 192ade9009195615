/** Payload types that cross the IPC boundary. Plain data only: JSON-safe, no class instances. */

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

export interface AppNotice {
  level: 'info' | 'warning' | 'error'
  code: string
  message: string
}
