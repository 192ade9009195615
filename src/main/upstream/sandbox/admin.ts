/**
 * The HTTP control API, under a prefix no WeChat path can have. Every call must carry `X-Sandbox-Admin: 1`:
 * a WeChat client never sends it, and a web page cannot send it cross-origin without a CORS preflight
 * (which the sandbox never grants), so neither can flip faults by accident.
 */
import { z } from 'zod'
import { faultConfigSchema } from './faults'
import type { Sandbox } from './sandbox'
import type { JsonObject } from './types'

export const ADMIN_PREFIX = '/__sandbox/'
export const ADMIN_HEADER = 'x-sandbox-admin'

export interface AdminReply {
  status: number
  body: JsonObject
}

const partitionSchema = z.strictObject({
  mode: z.enum(['hang', 'refuse']).optional(),
  durationMs: z.number().int().min(1).optional()
})
const invalidateSchema = z.strictObject({ how: z.enum(['revoked', 'expired']).optional() })

function parseJson<T>(
  schema: z.ZodType<T>,
  text: string
): { ok: true; value: T } | { ok: false; reply: AdminReply } {
  let raw: unknown
  try {
    raw = text.trim() === '' ? {} : JSON.parse(text)
  } catch {
    return { ok: false, reply: { status: 400, body: { error: 'body is not JSON' } } }
  }
  const result = schema.safeParse(raw)
  if (!result.success)
    return { ok: false, reply: { status: 400, body: { error: z.prettifyError(result.error) } } }
  return { ok: true, value: result.data }
}

type AdminAction = (sandbox: Sandbox, body: string) => AdminReply

const DONE: AdminReply = { status: 200, body: { ok: true } }

const ACTIONS = new Map<string, AdminAction>([
  ['GET stats', (sandbox) => ({ status: 200, body: { ...sandbox.stats() } })],
  [
    'POST faults',
    (sandbox, body) => {
      const parsed = parseJson(faultConfigSchema, body)
      if (!parsed.ok) return parsed.reply
      sandbox.setFaults(parsed.value)
      return DONE
    }
  ],
  [
    'DELETE faults',
    (sandbox) => {
      sandbox.clearFaults()
      return DONE
    }
  ],
  [
    'POST reset',
    (sandbox) => {
      sandbox.reset()
      return DONE
    }
  ],
  [
    'POST heal',
    (sandbox) => {
      sandbox.heal()
      return DONE
    }
  ],
  [
    'POST partition',
    (sandbox, body) => {
      const parsed = parseJson(partitionSchema, body)
      if (!parsed.ok) return parsed.reply
      sandbox.startPartition(parsed.value.mode ?? 'hang', parsed.value.durationMs)
      return DONE
    }
  ],
  [
    'POST tokens/invalidate',
    (sandbox, body) => {
      const parsed = parseJson(invalidateSchema, body)
      if (!parsed.ok) return parsed.reply
      return { status: 200, body: { invalidated: sandbox.invalidateTokens(parsed.value.how ?? 'revoked') } }
    }
  ]
])

export function handleAdmin(
  sandbox: Sandbox,
  method: string,
  path: string,
  headerValue: string | undefined,
  body: string
): AdminReply {
  if (headerValue !== '1') {
    return { status: 403, body: { error: `admin calls need the header ${ADMIN_HEADER}: 1` } }
  }
  const route = `${method.toUpperCase()} ${path.slice(ADMIN_PREFIX.length)}`
  const action = ACTIONS.get(route)
  if (action) return action(sandbox, body)
  if (route.startsWith('GET codes/')) {
    return codeState(sandbox, decodeURIComponent(route.slice('GET codes/'.length)))
  }
  return { status: 404, body: { error: `unknown admin call ${route}` } }
}

/** A code's state for tests in another process (browser tests), including the sandbox-only consume count. */
function codeState(sandbox: Sandbox, code: string): AdminReply {
  const entry = sandbox.model.anyEntryOf(code)
  if (!entry) return { status: 404, body: { error: 'no such code' } }
  return {
    status: 200,
    body: {
      code,
      cardId: entry.cardId,
      status: sandbox.model.effectiveStatus(entry),
      consumeCount: sandbox.consumeCount(code),
      encryptCode: sandbox.model.encryptCodeOf(code) ?? null
    }
  }
}
