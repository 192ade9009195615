/**
 * The audit page in a manager's words: every action the log can hold is named in both languages, and what the
 * page shows of an entry is sentences and labelled fields — no action keys, no JSON, no field names like
 * discountFen. Uses a real i18next instance on the app's two catalogues.
 */
import i18next, { type TFunction } from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { AUDIT_ACTIONS } from '../../src/shared/audit'
import type { AuditEntryView } from '../../src/shared/reports'
import { en } from '../../src/shared/i18n/en'
import { zhCN } from '../../src/shared/i18n/zh-CN'
import {
  auditActionText,
  auditActorText,
  auditFields,
  auditSummary
} from '../../src/renderer/src/pages/manager/auditText'

const ts: Record<'zh-CN' | 'en', TFunction> = {} as never
beforeAll(async () => {
  for (const lng of ['zh-CN', 'en'] as const) {
    const i = i18next.createInstance()
    await i.init({
      resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
      lng,
      fallbackLng: false,
      interpolation: { escapeValue: false }
    })
    ts[lng] = i.t
  }
})

const entry = (
  action: string,
  detail: Record<string, unknown>,
  subject: string | null = null
): AuditEntryView => ({
  id: 1,
  at: Date.UTC(2026, 11, 5, 2, 0),
  actorId: 's1',
  actorName: '张三',
  action,
  subject,
  detail,
  hash: 'h'
})

const RAW = /[{}"]|\b[a-z]+[A-Z][a-zA-Z]*\b|\b(redemption|settings|staff|day|backup|conflict)\.[a-z_]+/

describe('audit entries in words', () => {
  it.each(AUDIT_ACTIONS)('%s is named in zh-CN and English', (action) => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const text = auditActionText(ts[lang], action)
      expect(text).not.toBe(action)
      expect(text).not.toMatch(RAW)
    }
  })

  it('a redemption says the code, the amount in yuan and whether it was online', () => {
    const e = entry(
      'redemption.created',
      {
        code: '123456789012',
        cardId: 'pCARD',
        discountFen: 3000,
        billFen: 12000,
        online: false,
        approvedBy: null
      },
      '6f1c0e1e-1111-4a4a-8888-000000000000'
    )
    expect(auditSummary(ts['zh-CN'], e)).toBe('券码 123456789012，优惠 ¥30.00，离线记录')
    expect(auditSummary(ts.en, e)).toBe('Code 123456789012, ¥30.00 off, recorded offline')
    const fields = auditFields(ts['zh-CN'], e, 'Asia/Shanghai')
    expect(fields).toContainEqual({ label: '优惠金额', value: '¥30.00' })
    expect(fields).toContainEqual({ label: '在线确认', value: '否' })
    // labels are words; values may hold an id a manager looks up on demand (the card id), never JSON
    for (const f of fields) expect(f.label).not.toMatch(RAW)
    for (const f of fields) expect(f.value).not.toMatch(/[{}"]/)
  })

  it('a settings change lists what changed, before → after, and nothing else', () => {
    const e = entry(
      'settings.changed',
      {
        before: { store: { storeName: '一号店', timeZone: 'Asia/Shanghai' } },
        after: { store: { storeName: '二号店', timeZone: 'Asia/Shanghai' } }
      },
      'setup'
    )
    expect(auditSummary(ts['zh-CN'], e)).toBe('门店和连接设置')
    expect(auditFields(ts['zh-CN'], e, 'Asia/Shanghai')).toEqual([
      { label: '门店名称', value: '一号店 → 二号店' }
    ])
    expect(auditFields(ts.en, e, 'Asia/Shanghai')).toEqual([
      { label: 'Store name', value: '一号店 → 二号店' }
    ])
  })

  it('the sync worker is named as such, a day close gives its Z number and totals', () => {
    const bySync = { ...entry('redemption.conflict', { code: '1', reason: 'used_elsewhere' }), actorId: null }
    bySync.actorName = 'sync'
    expect(auditActorText(ts['zh-CN'], bySync)).toBe('同步程序')
    expect(auditSummary(ts['zh-CN'], bySync)).toMatch(/^券码 1：/)
    const z = entry(
      'day.closed',
      { businessDay: '2026-12-05', number: 3, count: 10, discountFen: 28000 },
      'Z-3'
    )
    expect(auditSummary(ts.en, z)).toBe('Z report no. 3 for 2026-12-05: 10 redemptions, ¥280.00 off')
  })
})

describe('the store hub entries (docs/hub.md § Store policy)', () => {
  it('say the limit, the refusal and the resolution in words, with labelled fields in both languages', () => {
    const zh = ts['zh-CN']
    const english = ts.en
    expect(
      auditSummary(
        zh,
        entry('storeLink.policySet', { unverifiedLimitFen: 600, beforeLimitFen: null, version: 1 })
      )
    ).toBe('当前：不超过 ¥6.00')
    expect(
      auditSummary(english, entry('storeLink.policySet', { unverifiedLimitFen: null, version: 2 }))
    ).toBe('Now: no limit')
    expect(auditSummary(zh, entry('storeLink.policySet', { unverifiedLimitFen: 0, version: 3 }))).toContain(
      '全部拒绝'
    )
    const refused = entry('storeLink.uncheckedRefused', {
      code: '001234500010',
      amountFen: 1000,
      limitFen: 600
    })
    expect(auditSummary(zh, refused)).toContain('¥10.00')
    expect(auditSummary(english, refused)).toContain('above the store limit of ¥6.00')
    const resolved = entry('storeLink.conflictResolved', {
      code: '3300',
      amountFen: 0,
      otherTill: '1号机',
      note: '补付'
    })
    expect(auditSummary(english, resolved)).toBe('Code 3300, first redeemed at 1号机')
    for (const lng of ['zh-CN', 'en'] as const)
      for (const e of [
        refused,
        resolved,
        entry('storeLink.policySet', { unverifiedLimitFen: 600, beforeLimitFen: 500, version: 2 })
      ])
        for (const field of auditFields(ts[lng], e, 'Asia/Shanghai'))
          expect(field.label).not.toMatch(/Fen$|^[a-z]+[A-Z]/)
  })
})
