/**
 * THE contract between the renderer and the main process: channel name → request
 * schema (zod, validated in main before any handler runs) → response type, plus who may
 * call it. Electron's ipcMain, the preload bridge, the Node host's WebSocket and the
 * renderer's client are all derived from this one map, so a renamed channel or a changed
 * payload breaks the typecheck everywhere.
 */
import { z } from 'zod'
import type { ChannelName, EventName } from './names'
import type { AppInfo, AppNotice, DbPing } from './types'

/** Who may call a channel. Enforced in main (dispatcher), never only hidden in the UI. */
export type Access = 'public' | 'staff' | 'manager'

/** A compile-time-only marker for a response or event payload type. */
const shape = <T>(): T => undefined as unknown as T

interface ChannelSpec {
  request: z.ZodType
  response: unknown
  access: Access
}

const noArgs = z.undefined()

export const contract = {
  'app.info': { request: noArgs, response: shape<AppInfo>(), access: 'public' },
  'db.ping': { request: noArgs, response: shape<DbPing>(), access: 'public' }
} as const satisfies Record<ChannelName, ChannelSpec>

export const eventContract = {
  'app.notice': shape<AppNotice>()
} as const satisfies Record<EventName, unknown>

export type Contract = typeof contract
export type RequestOf<K extends ChannelName> = z.input<Contract[K]['request']>
export type ParsedRequestOf<K extends ChannelName> = z.output<Contract[K]['request']>
export type ResponseOf<K extends ChannelName> = Contract[K]['response']
export type EventPayload<E extends EventName> = (typeof eventContract)[E]
