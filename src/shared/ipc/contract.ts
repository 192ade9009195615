/**
 * THE contract between the renderer and the main process: channel name → request
 * schema (zod, validated in main before any handler runs) → response type, plus who may
 * call it. Electron's ipcMain, the preload bridge, the Node host's WebSocket and the
 * renderer's client are all derived from this one map, so a renamed channel or a changed
 * payload breaks the typecheck everywhere. Each capability keeps its part in ./contracts.
 */
import type { z } from 'zod'
import { appContract, appEvents } from './contracts/app'
import { deviceEvents, devicesContract } from './contracts/devices'
import { printerContract, printerEvents } from './contracts/printer'
import { storeLinkContract, storeLinkEvents } from './contracts/storeLink'
import { storeHubContract } from './contracts/storeHub'
import { chainLinkContract } from './contracts/chainLink'
import { redeemContract } from './contracts/redeem'
import { reportsContract } from './contracts/reports'
import { staffContract } from './contracts/staff'
import { setupContract } from './contracts/setup'
import { stationContract } from './contracts/station'
import { syncContract, syncEvents } from './contracts/sync'
import { trainingContract } from './contracts/training'
import type { ChannelName, EventName } from './names'
import type { ChannelSpec } from './spec'

export type { Access } from './spec'

export const contract = {
  ...syncContract,
  ...appContract,
  ...staffContract,
  ...redeemContract,
  ...trainingContract,
  ...stationContract,
  ...reportsContract,
  ...devicesContract,
  ...setupContract,
  ...printerContract,
  ...storeLinkContract,
  ...storeHubContract,
  ...chainLinkContract
} as const satisfies Record<ChannelName, ChannelSpec>

export const eventContract = {
  ...appEvents,
  ...syncEvents,
  ...deviceEvents,
  ...printerEvents,
  ...storeLinkEvents
} as const satisfies Record<EventName, unknown>

export type Contract = typeof contract
export type RequestOf<K extends ChannelName> = z.input<Contract[K]['request']>
export type ParsedRequestOf<K extends ChannelName> = z.output<Contract[K]['request']>
export type ResponseOf<K extends ChannelName> = Contract[K]['response']
export type EventPayload<E extends EventName> = (typeof eventContract)[E]

/** How a main-process service announces an event without knowing the transports (they subscribe to the bus). */
export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void
