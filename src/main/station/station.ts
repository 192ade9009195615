/**
 * The composition root of the main-process services. Electron's main process and the
 * Node host both call openStation(); everything with authority hangs off the Station.
 */
import type { StationMode } from '../../shared/ipc/types'
import { openDatabase, type Db } from '../db/open'
import { EventBus } from '../ipc/events'
import { createHandlers, type Handlers } from '../ipc/handlers'
import { readMode } from './mode'
import { databaseFile } from './paths'

export interface StationOptions {
  dataDir: string
  runtime: 'electron' | 'node-host'
  /** Force a mode instead of reading mode.json (tests). */
  mode?: StationMode
}

export interface Station {
  mode: StationMode
  dataDir: string
  runtime: StationOptions['runtime']
  db: Db
  schemaVersion: number
  events: EventBus
  handlers: Handlers
  close(): void
}

export function openStation(options: StationOptions): Station {
  const mode = options.mode ?? readMode(options.dataDir)
  const opened = openDatabase(databaseFile(options.dataDir, mode))
  const events = new EventBus()
  const station: Station = {
    mode,
    dataDir: options.dataDir,
    runtime: options.runtime,
    db: opened.db,
    schemaVersion: opened.schemaVersion,
    events,
    handlers: undefined as unknown as Handlers,
    close: () => {
      if (opened.db.open) opened.db.close()
    }
  }
  station.handlers = createHandlers(station)
  return station
}
