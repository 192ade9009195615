/**
 * The names of every IPC channel and event, with no schema library attached,
 * so the sandboxed preload can bundle it without pulling zod in.
 * contract.ts checks (at compile time) that its map has exactly these keys.
 */
export const CHANNEL_NAMES = ['app.info', 'db.ping'] as const

export const EVENT_NAMES = ['app.notice'] as const

export type ChannelName = (typeof CHANNEL_NAMES)[number]
export type EventName = (typeof EVENT_NAMES)[number]

export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && (CHANNEL_NAMES as readonly string[]).includes(name)

/** Electron sends event E on the ipc channel `${EVENT_CHANNEL_PREFIX}${E}`. */
export const EVENT_CHANNEL_PREFIX = 'event:'
