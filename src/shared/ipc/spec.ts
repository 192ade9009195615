/** Building blocks of the contract files (src/shared/ipc/contracts/*). */
import { z } from 'zod'

/** Who may call a channel. Enforced in main (dispatcher), never only hidden in the UI. */
export type Access = 'public' | 'staff' | 'manager'

export interface ChannelSpec {
  request: z.ZodType
  response: unknown
  access: Access
}

/** A compile-time-only marker for a response or event payload type. */
export const shape = <T>(): T => undefined as unknown as T

/** The request schema of a channel that takes no argument. */
export const noArgs = z.undefined()
