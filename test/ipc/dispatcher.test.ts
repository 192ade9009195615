import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { createDispatcher, type GateSpecs } from '../../src/main/ipc/dispatcher'
import { Session } from '../../src/main/ipc/session'
import { AppFailure } from '../../src/shared/result'

const specs: GateSpecs = {
  'demo.echo': { request: z.object({ text: z.string().max(5) }).strict(), access: 'public' },
  'demo.staff': { request: z.undefined(), access: 'staff' },
  'demo.manager': { request: z.undefined(), access: 'manager' },
  'demo.fails': { request: z.undefined(), access: 'public' },
  'demo.crashes': { request: z.undefined(), access: 'public' }
}

function setup() {
  const handlers = {
    'demo.echo': vi.fn((req: unknown) => req),
    'demo.staff': vi.fn(() => 'staff ok'),
    'demo.manager': vi.fn(() => 'manager ok'),
    'demo.fails': vi.fn(() => {
      throw new AppFailure('VOID_SYNCED', 'A synced redemption cannot be voided.')
    }),
    'demo.crashes': vi.fn(() => {
      throw new Error('boom')
    })
  }
  const log = vi.fn()
  return { handlers, log, dispatch: createDispatcher(handlers, log, specs) }
}

describe('dispatcher', () => {
  it('runs the handler with the validated request', async () => {
    const { dispatch, handlers } = setup()
    const result = await dispatch('demo.echo', { text: 'hi' }, new Session('test'))
    expect(result).toEqual({ ok: true, value: { text: 'hi' } })
    expect(handlers['demo.echo']).toHaveBeenCalledOnce()
  })

  it.each([
    ['wrong type', { text: 42 }],
    ['too long', { text: 'far too long' }],
    ['extra field', { text: 'hi', admin: true }],
    ['missing argument', undefined],
    ['not an object', 'text']
  ])('rejects a bad argument (%s) with BAD_REQUEST and never runs the handler', async (_name, request) => {
    const { dispatch, handlers } = setup()
    const result = await dispatch('demo.echo', request, new Session('test'))
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('BAD_REQUEST')
      expect(result.error.message).toMatch(/Invalid request for demo\.echo/)
    }
    expect(handlers['demo.echo']).not.toHaveBeenCalled()
  })

  it.each(['nope', '__proto__', 'constructor', 42, null])(
    'answers an unknown channel (%s)',
    async (channel) => {
      const { dispatch } = setup()
      const result = await dispatch(channel, undefined, new Session('test'))
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    }
  )

  it('enforces access in main: signed out, cashier, manager', async () => {
    const { dispatch, handlers } = setup()
    const session = new Session('test')
    expect(await dispatch('demo.staff', undefined, session)).toMatchObject({
      error: { code: 'NOT_SIGNED_IN' }
    })
    session.signIn({ staffId: 's1', name: 'Li', role: 'cashier' })
    expect(await dispatch('demo.staff', undefined, session)).toEqual({ ok: true, value: 'staff ok' })
    expect(await dispatch('demo.manager', undefined, session)).toMatchObject({ error: { code: 'FORBIDDEN' } })
    expect(handlers['demo.manager']).not.toHaveBeenCalled()
    session.signIn({ staffId: 's2', name: 'Wang', role: 'manager' })
    expect(await dispatch('demo.manager', undefined, session)).toEqual({ ok: true, value: 'manager ok' })
  })

  it('turns a domain failure into its code and a crash into INTERNAL without throwing', async () => {
    const { dispatch, log } = setup()
    expect(await dispatch('demo.fails', undefined, new Session('t'))).toEqual({
      ok: false,
      error: { code: 'VOID_SYNCED', message: 'A synced redemption cannot be voided.' }
    })
    const crashed = await dispatch('demo.crashes', undefined, new Session('t'))
    expect(crashed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(log).toHaveBeenCalledOnce()
  })
})
