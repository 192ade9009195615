/**
 * The one gate every renderer request passes, whatever the transport:
 * known channel → staff re-check → access check against the session → zod validation → handler, which is
 * given the signed-in person (the actor) resolved here once.
 * A bad argument is answered with BAD_REQUEST and the handler never runs. Nothing throws
 * across the boundary: failures become { ok: false, error }.
 */
import { contract, type Access } from '../../shared/ipc/contract'
import { AppFailure, fail, ok, type Result } from '../../shared/result'
import type { Handlers } from './handlers'
import type { PublicContext } from './context'
import { RECHECK_STAFF, type Session, type StaffRecheck } from './session'

export type Dispatch = (channel: unknown, request: unknown, session: Session) => Promise<Result<unknown>>

type SafeParse =
  | { success: true; data: unknown }
  | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }

/** The parts of a contract entry the gate needs; tests may pass their own map. */
export type GateSpecs = Record<
  string,
  { request: { safeParse: (value: unknown) => SafeParse }; access: Access }
>

type AnyHandler = (request: unknown, context: PublicContext) => unknown

export function createDispatcher(
  handlers: Handlers | Record<string, AnyHandler>,
  log: (line: string) => void = () => {},
  specs: GateSpecs = contract
): Dispatch {
  return async (channel, request, session) => {
    const name = typeof channel === 'string' && Object.hasOwn(specs, channel) ? channel : null
    const spec = name === null ? undefined : specs[name]
    const handler = name === null ? undefined : ((handlers as Record<string, AnyHandler>)[name] ?? undefined)
    if (name === null || !spec || !handler) {
      return fail('UNKNOWN_CHANNEL', `There is no channel called ${String(channel)}.`)
    }
    const ended = recheckStaff(handlers, spec.access, session)
    if (ended) return ended
    const denied = checkAccess(spec.access, session)
    if (denied) return denied
    const parsed = spec.request.safeParse(request)
    if (!parsed.success) {
      const issues = parsed.error.issues.map(
        (i) => `${i.path.map(String).join('.') || '(argument)'}: ${i.message}`
      )
      return fail('BAD_REQUEST', `Invalid request for ${name}: ${issues.join('; ')}`, { issues })
    }
    try {
      // Resolved once here: after checkAccess, a 'staff' or 'manager' channel always has someone signed in.
      return ok(await handler(parsed.data, { session, actor: session.staff }))
    } catch (err) {
      if (err instanceof AppFailure) return fail(err.code, err.message, err.details)
      log(`[ipc] ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
      return fail('INTERNAL', `Something went wrong in ${name}; the station logged it. Nothing was changed.`)
    }
  }
}

/**
 * The signed-in person is looked up again (one indexed read): deactivated → the session ends and a
 * non-public request is refused; a changed role or name replaces the session's copy.
 */
function recheckStaff(handlers: object, access: Access, session: Session): Result<never> | null {
  const recheck = (handlers as { [RECHECK_STAFF]?: StaffRecheck })[RECHECK_STAFF]
  if (!recheck || !session.staff) return null
  const now = recheck(session.staff.staffId)
  if (!now) {
    const name = session.staff.name
    session.signOut()
    session.endedBecause = 'deactivated'
    if (access === 'public') return null
    return fail('STAFF_INACTIVE', `${name} has been deactivated on this station and was signed out.`)
  }
  const before = session.staff
  if (now.role !== before.role || now.name !== before.name) session.staff = now
  return null
}

function checkAccess(access: Access, session: Session): Result<never> | null {
  if (access === 'public') return null
  if (!session.staff) return fail('NOT_SIGNED_IN', 'Sign in first.')
  // Inactivity locks in main too: a renderer that forgot to lock still cannot act.
  if (session.checkLock()) return fail('LOCKED', 'The station is locked: enter your PIN to unlock.')
  if (access === 'manager' && session.staff.role !== 'manager')
    return fail('FORBIDDEN', 'Only a manager may do this.')
  session.touch()
  return null
}
