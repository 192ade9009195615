/** Sign-in, roles and locking enforced in main, through the same dispatcher every transport uses. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/ipc/dispatcher'
import { Session } from '../../src/main/ipc/session'
import { DEFAULT_POLICY } from '../../src/shared/rules'
import { trainingStation, type TestStation } from '../support/station'

let t: TestStation
beforeAll(async () => {
  t = await trainingStation({ background: false })
})
afterAll(async () => {
  await t.station.close()
})

describe('staff sessions over the contract', () => {
  it('signs in with the right PIN only, and never stores or returns the PIN', async () => {
    const dispatch = createDispatcher(t.station.handlers)
    const session = new Session('test')
    const wrong = await dispatch('staff.signIn', { staffId: t.cashier.staffId, pin: '0000' }, session)
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } })
    const right = await dispatch('staff.signIn', { staffId: t.cashier.staffId, pin: '1357' }, session)
    expect(right).toEqual({ ok: true, value: { staffId: t.cashier.staffId, name: '李娜', role: 'cashier' } })
    const rows = t.station.db.prepare('SELECT pin_hash FROM staff').all() as { pin_hash: string }[]
    for (const row of rows) expect(row.pin_hash).toMatch(/^scrypt\$/)
    // The PINs as values of their own: not inside a longer run of digits or hex (times, ids and hashes may hold
    // "1357" by chance, which made this check fail now and then).
    expect(JSON.stringify(t.station.db.prepare('SELECT * FROM audit_log').all())).not.toMatch(
      /(?<![0-9a-f])(1357|2468)(?![0-9a-f])/i
    )
  })

  it('does not let a cashier call a manager-only channel', async () => {
    const dispatch = createDispatcher(t.station.handlers)
    const session = new Session('test')
    session.signIn(t.cashier)
    const result = await dispatch('policy.set', DEFAULT_POLICY, session)
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const voided = await dispatch('redeem.void', { redemptionId: 'x', reason: 'test' }, session)
    expect(voided).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('locks the session after inactivity and on demand; the PIN unlocks it', async () => {
    let now = 1_000_000
    const dispatch = createDispatcher(t.station.handlers)
    const session = new Session('test', () => now, 60_000)
    session.signIn(t.cashier)
    expect((await dispatch('redeem.recent', { limit: 5 }, session)).ok).toBe(true)
    now += 61_000
    expect(await dispatch('redeem.recent', { limit: 5 }, session)).toMatchObject({
      error: { code: 'LOCKED' }
    })
    expect(await dispatch('staff.unlock', { pin: '9999' }, session)).toMatchObject({
      error: { code: 'WRONG_PIN' }
    })
    expect((await dispatch('staff.unlock', { pin: '1357' }, session)).ok).toBe(true)
    expect((await dispatch('redeem.recent', { limit: 5 }, session)).ok).toBe(true)
    expect((await dispatch('staff.lock', undefined, session)).ok).toBe(true)
    expect(await dispatch('redeem.recent', { limit: 5 }, session)).toMatchObject({
      error: { code: 'LOCKED' }
    })
  })

  it('locks an account out after five wrong PINs in a row', async () => {
    const dispatch = createDispatcher(t.station.handlers)
    const session = new Session('test')
    for (let i = 0; i < 5; i++)
      await dispatch('staff.signIn', { staffId: t.manager.staffId, pin: '1111' }, session)
    const locked = await dispatch('staff.signIn', { staffId: t.manager.staffId, pin: '2468' }, session)
    expect(locked).toMatchObject({ ok: false, error: { code: 'PIN_LOCKED' } })
  })

  it('creates the first manager only once', async () => {
    const dispatch = createDispatcher(t.station.handlers)
    const result = await dispatch('staff.firstManager', { name: 'Mallory', pin: '1234' }, new Session('test'))
    expect(result).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } })
  })
})
