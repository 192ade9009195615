/**
 * The wire format of the contract over the host's WebSocket. Kept tiny and validated:
 * a browser page is still an untrusted caller.
 */
import { z } from 'zod'

export const ClientMessage = z.object({
  t: z.literal('call'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  request: z.unknown().optional()
})
export type ClientMessage = z.infer<typeof ClientMessage>

export type ServerMessage =
  | { t: 'result'; id: number; result: unknown }
  | { t: 'event'; event: string; payload: unknown }
  | { t: 'error'; message: string }
