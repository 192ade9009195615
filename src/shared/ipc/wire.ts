/**
 * The contract's frames over the Node host's WebSocket, one schema for both ends: the host parses what a page
 * sends (a browser page is an untrusted caller), the page parses what the host sends (a frame it cannot read is
 * dropped, never half-used). Electron does not use this: ipcMain/ipcRenderer carry the same calls natively.
 */
import { z } from 'zod'
import { EVENT_NAMES } from './names'

/** page → host: call a channel; the answer comes back as a `result` frame with the same id. */
export const ClientFrame = z.object({
  t: z.literal('call'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  request: z.unknown().optional()
})
export type ClientFrame = z.infer<typeof ClientFrame>

const ResultOf = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() })
  })
])

/** host → page: a call's result, an event of the contract, or a frame the host could not read. */
export const ServerFrame = z.discriminatedUnion('t', [
  z.object({ t: z.literal('result'), id: z.number().int().nonnegative(), result: ResultOf }),
  z.object({ t: z.literal('event'), event: z.enum(EVENT_NAMES), payload: z.unknown() }),
  z.object({ t: z.literal('error'), message: z.string() })
])
export type ServerFrame = z.infer<typeof ServerFrame>
