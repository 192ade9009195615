/**
 * The staff lifecycle over the contract, on a real SQLite station: change own PIN, manager reset,
 * deactivate/reactivate, role change, the last-active-manager rule — each refused or done in main,
 * each leaving its audit entry on an intact hash chain.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher, type Dispatch } from '../../src/main/ipc/dispatcher'
import { Session } from '../../src/main/ipc/session'
import { verifyAuditChain } from '../../src/main/audit/audit'
import { trainingStation, type TestStation } from '../support/station'

let t: TestStation
let dispatch: Dispatch
let manager: Session

beforeEach(async () => {
  t = await trainingStation({ background: false })
  dispatch = createDispatcher(t.station.handlers)
  manager = new Session('test')
  manager.signIn(t.manager)
})
afterEach(async () => {
  await t.station.close()
})

interface AuditEntry {
  actor_id: string | null
  actor_name: string | null
  action: string
  subject: string | null
  detail_json: string
}
const auditOf = (action: string): AuditEntry[] =>
  t.station.db
    .prepare(
      'SELECT actor_id, actor_name, action, subject, detail_json FROM audit_log WHERE action = ? ORDER BY id'
    )
    .all(action) as AuditEntry[]
const pinHashOf = (staffId: string): string =>
  (t.station.db.prepare('SELECT pin_hash FROM staff WHERE id = ?').get(staffId) as { pin_hash: string })
    .pin_hash

const signIn = (staffId: string, pin: string, session = new Session('test')) =>
  dispatch('staff.signIn', { staffId, pin }, session)

describe('changing one’s own PIN', () => {
  it('needs the old PIN; the new one works, the old one no longer does, and it is audited', async () => {
    const before = pinHashOf(t.cashier.staffId)
    const wrong = await dispatch(
      'staff.changePin',
      { staffId: t.cashier.staffId, oldPin: '0000', newPin: '8642' },
      new Session('test')
    )
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } })
    expect(pinHashOf(t.cashier.staffId)).toBe(before)

    const same = await dispatch(
      'staff.changePin',
      { staffId: t.cashier.staffId, oldPin: '1357', newPin: '1357' },
      new Session('test')
    )
    expect(same).toMatchObject({ ok: false, error: { code: 'PIN_UNCHANGED' } })

    const bad = await dispatch(
      'staff.changePin',
      { staffId: t.cashier.staffId, oldPin: '1357', newPin: '12' },
      new Session('test')
    )
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })

    const changed = await dispatch(
      'staff.changePin',
      { staffId: t.cashier.staffId, oldPin: '1357', newPin: '8642' },
      new Session('test')
    )
    expect(changed).toEqual({
      ok: true,
      value: { staffId: t.cashier.staffId, name: '李娜', role: 'cashier' }
    })
    expect(pinHashOf(t.cashier.staffId)).toMatch(/^scrypt\$/)
    expect(await signIn(t.cashier.staffId, '1357')).toMatchObject({ error: { code: 'WRONG_PIN' } })
    expect((await signIn(t.cashier.staffId, '8642')).ok).toBe(true)

    const entries = auditOf('staff.pin_changed')
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ actor_id: t.cashier.staffId, subject: t.cashier.staffId })
    // The wrong old PIN was a PIN guess like any other.
    expect(auditOf('staff.sign_in_failed').length).toBeGreaterThanOrEqual(1)
    const all = JSON.stringify(t.station.db.prepare('SELECT * FROM audit_log').all())
    expect(all).not.toMatch(/8642|1357/)
    expect(verifyAuditChain(t.station.db).ok).toBe(true)
  })

  it('counts wrong old PINs towards the lockout', async () => {
    for (let i = 0; i < 5; i++)
      await dispatch(
        'staff.changePin',
        { staffId: t.cashier.staffId, oldPin: '0000', newPin: '8642' },
        new Session('test')
      )
    const locked = await dispatch(
      'staff.changePin',
      { staffId: t.cashier.staffId, oldPin: '1357', newPin: '8642' },
      new Session('test')
    )
    expect(locked).toMatchObject({ ok: false, error: { code: 'PIN_LOCKED' } })
  })
})

describe('a manager resetting a PIN', () => {
  it('sets a new PIN, lifts a lockout, is manager-only and audited with the manager as actor', async () => {
    for (let i = 0; i < 5; i++) await signIn(t.cashier.staffId, '0000')
    expect(await signIn(t.cashier.staffId, '1357')).toMatchObject({ error: { code: 'PIN_LOCKED' } })

    const cashier = new Session('test')
    cashier.signIn(t.cashier)
    expect(
      await dispatch('staff.resetPin', { staffId: t.manager.staffId, newPin: '1111' }, cashier)
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    const own = await dispatch('staff.resetPin', { staffId: t.manager.staffId, newPin: '1111' }, manager)
    expect(own).toMatchObject({ ok: false, error: { code: 'RESET_OWN_PIN' } })

    const reset = await dispatch('staff.resetPin', { staffId: t.cashier.staffId, newPin: '9753' }, manager)
    expect(reset).toMatchObject({ ok: true, value: { staffId: t.cashier.staffId } })
    expect((await signIn(t.cashier.staffId, '9753')).ok).toBe(true)

    const entries = auditOf('staff.pin_reset')
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      actor_id: t.manager.staffId,
      actor_name: '王店长',
      subject: t.cashier.staffId
    })
    expect(entries[0]!.detail_json).not.toMatch(/9753/)
    expect(verifyAuditChain(t.station.db).ok).toBe(true)
  })

  it('refuses an unknown person and leaves every PIN as it was', async () => {
    const before = pinHashOf(t.cashier.staffId)
    const unknown = await dispatch('staff.resetPin', { staffId: 'nobody', newPin: '9753' }, manager)
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_STAFF' } })
    expect(pinHashOf(t.cashier.staffId)).toBe(before)
    expect(auditOf('staff.pin_reset')).toHaveLength(0)
  })
})

describe('deactivating and reactivating', () => {
  it('ends the person’s session at their next request, refuses their sign-in, and brings them back', async () => {
    const cashier = new Session('test')
    expect((await signIn(t.cashier.staffId, '1357', cashier)).ok).toBe(true)
    expect((await dispatch('redeem.recent', { limit: 5 }, cashier)).ok).toBe(true)

    const off = await dispatch('staff.setActive', { staffId: t.cashier.staffId, active: false }, manager)
    expect(off).toMatchObject({ ok: true, value: { staffId: t.cashier.staffId, active: false } })

    expect(await dispatch('redeem.recent', { limit: 5 }, cashier)).toMatchObject({
      ok: false,
      error: { code: 'STAFF_INACTIVE' }
    })
    expect(cashier.staff).toBeNull()
    // The sign-in screen is told why, once.
    expect(await dispatch('session.current', undefined, cashier)).toMatchObject({
      ok: true,
      value: { staff: null, endedBecause: 'deactivated' }
    })
    expect(await dispatch('session.current', undefined, cashier)).toMatchObject({
      value: { endedBecause: null }
    })
    expect(await signIn(t.cashier.staffId, '1357')).toMatchObject({
      ok: false,
      error: { code: 'STAFF_INACTIVE' }
    })
    expect(
      await dispatch(
        'staff.changePin',
        { staffId: t.cashier.staffId, oldPin: '1357', newPin: '2222' },
        cashier
      )
    ).toMatchObject({ error: { code: 'STAFF_INACTIVE' } })
    expect(
      await dispatch('staff.resetPin', { staffId: t.cashier.staffId, newPin: '2222' }, manager)
    ).toMatchObject({
      error: { code: 'STAFF_INACTIVE' }
    })
    expect(
      await dispatch('staff.setRole', { staffId: t.cashier.staffId, role: 'manager' }, manager)
    ).toMatchObject({
      error: { code: 'STAFF_INACTIVE' }
    })

    // Off the sign-in list, still on the manager's page.
    const list = (await dispatch('staff.list', undefined, new Session('test'))) as {
      value: { staffId: string }[]
    }
    expect(list.value.map((s) => s.staffId)).not.toContain(t.cashier.staffId)
    const all = (await dispatch('staff.listAll', undefined, manager)) as {
      value: { staffId: string; active: boolean }[]
    }
    expect(all.value.find((s) => s.staffId === t.cashier.staffId)).toMatchObject({ active: false })

    const on = await dispatch('staff.setActive', { staffId: t.cashier.staffId, active: true }, manager)
    expect(on).toMatchObject({ ok: true, value: { active: true } })
    expect((await signIn(t.cashier.staffId, '1357')).ok).toBe(true)

    expect(auditOf('staff.deactivated')).toEqual([
      expect.objectContaining({ actor_id: t.manager.staffId, subject: t.cashier.staffId })
    ])
    expect(auditOf('staff.reactivated')).toEqual([
      expect.objectContaining({ actor_id: t.manager.staffId, subject: t.cashier.staffId })
    ])
    expect(verifyAuditChain(t.station.db).ok).toBe(true)
  })

  it('lets a cashier do none of it', async () => {
    const cashier = new Session('test')
    cashier.signIn(t.cashier)
    expect(
      await dispatch('staff.setActive', { staffId: t.manager.staffId, active: false }, cashier)
    ).toMatchObject({ error: { code: 'FORBIDDEN' } })
    expect(
      await dispatch('staff.setRole', { staffId: t.cashier.staffId, role: 'manager' }, cashier)
    ).toMatchObject({
      error: { code: 'FORBIDDEN' }
    })
    expect(await dispatch('staff.listAll', undefined, cashier)).toMatchObject({
      error: { code: 'FORBIDDEN' }
    })
  })

  it('refuses to reactivate someone whose name an active person now has', async () => {
    await dispatch('staff.setActive', { staffId: t.cashier.staffId, active: false }, manager)
    const again = await dispatch('staff.create', { name: '李娜', role: 'cashier', pin: '4444' }, manager)
    expect(again.ok).toBe(true)
    const back = await dispatch('staff.setActive', { staffId: t.cashier.staffId, active: true }, manager)
    expect(back).toMatchObject({ ok: false, error: { code: 'STAFF_EXISTS' } })
    expect(auditOf('staff.reactivated')).toHaveLength(0)
  })
})

describe('changing a role', () => {
  it('promotes and demotes; the session’s rights follow at its next request', async () => {
    const cashier = new Session('test')
    expect((await signIn(t.cashier.staffId, '1357', cashier)).ok).toBe(true)
    expect(await dispatch('staff.listAll', undefined, cashier)).toMatchObject({
      error: { code: 'FORBIDDEN' }
    })

    const up = await dispatch('staff.setRole', { staffId: t.cashier.staffId, role: 'manager' }, manager)
    expect(up).toMatchObject({ ok: true, value: { role: 'manager' } })
    expect((await dispatch('staff.listAll', undefined, cashier)).ok).toBe(true)
    expect(cashier.staff).toMatchObject({ role: 'manager' })

    // Two managers now: the original one may be demoted (by the other).
    const down = await dispatch('staff.setRole', { staffId: t.manager.staffId, role: 'cashier' }, cashier)
    expect(down).toMatchObject({ ok: true, value: { role: 'cashier' } })
    expect(await dispatch('staff.listAll', undefined, manager)).toMatchObject({
      error: { code: 'FORBIDDEN' }
    })

    expect(auditOf('staff.role_changed').map((e) => JSON.parse(e.detail_json))).toEqual([
      { name: '李娜', from: 'cashier', to: 'manager' },
      { name: '王店长', from: 'manager', to: 'cashier' }
    ])
    expect(auditOf('staff.role_changed')[1]).toMatchObject({ actor_id: t.cashier.staffId })
    expect(verifyAuditChain(t.station.db).ok).toBe(true)
  })
})

describe('the last active manager', () => {
  it('can be neither deactivated nor demoted, by anyone, and nothing is written', async () => {
    const auditBefore = t.station.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }
    const deactivate = await dispatch(
      'staff.setActive',
      { staffId: t.manager.staffId, active: false },
      manager
    )
    expect(deactivate).toMatchObject({ ok: false, error: { code: 'LAST_MANAGER' } })
    const demote = await dispatch('staff.setRole', { staffId: t.manager.staffId, role: 'cashier' }, manager)
    expect(demote).toMatchObject({ ok: false, error: { code: 'LAST_MANAGER' } })
    expect(
      t.station.db.prepare('SELECT role, active FROM staff WHERE id = ?').get(t.manager.staffId)
    ).toEqual({
      role: 'manager',
      active: 1
    })
    expect(t.station.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(auditBefore)
  })

  it('counts only active managers: a deactivated second manager does not make the first removable', async () => {
    const second = await dispatch('staff.create', { name: '赵经理', role: 'manager', pin: '5555' }, manager)
    const secondId = (second as { value: { staffId: string } }).value.staffId
    expect((await dispatch('staff.setActive', { staffId: secondId, active: false }, manager)).ok).toBe(true)
    expect(
      await dispatch('staff.setActive', { staffId: t.manager.staffId, active: false }, manager)
    ).toMatchObject({
      error: { code: 'LAST_MANAGER' }
    })
    // With the second one back, the first may go — and their own session ends.
    expect((await dispatch('staff.setActive', { staffId: secondId, active: true }, manager)).ok).toBe(true)
    expect(
      (await dispatch('staff.setActive', { staffId: t.manager.staffId, active: false }, manager)).ok
    ).toBe(true)
    expect(await dispatch('staff.listAll', undefined, manager)).toMatchObject({
      error: { code: 'STAFF_INACTIVE' }
    })
    // ... and now the second one is the last.
    const other = new Session('test')
    expect((await signIn(secondId, '5555', other)).ok).toBe(true)
    expect(await dispatch('staff.setRole', { staffId: secondId, role: 'cashier' }, other)).toMatchObject({
      error: { code: 'LAST_MANAGER' }
    })
    expect(verifyAuditChain(t.station.db).ok).toBe(true)
  })
})

describe('adding someone', () => {
  it('refuses a duplicate active name with STAFF_EXISTS and adds nothing', async () => {
    const count = () => (t.station.db.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n
    const before = count()
    const dup = await dispatch('staff.create', { name: ' 李娜 ', role: 'cashier', pin: '4444' }, manager)
    expect(dup).toMatchObject({ ok: false, error: { code: 'STAFF_EXISTS' } })
    expect(count()).toBe(before)
  })
})
