/**
 * Every word a user reads comes from the one catalogue (src/shared/i18n, docs/i18n.md), in zh-CN and English.
 * Main sends codes and params; this test enumerates every code it can send — error codes, rule reasons, sync
 * states and reasons, WeChat errcodes, scan refusals, audit actions, connection-test outcomes, notices, the
 * practice sheet's scenarios — and
 * every word an export file uses, and fails on one without text in both languages. It also fails on text that
 * is not Chinese in zh-CN, on a leftover of the old {x}/[optional] mini-language, and on a {{param}} the zh-CN
 * text uses that the English one does not (a translation would silently drop a value).
 *
 * Merges the former test/renderer/errorCodes.test.ts; test/renderer/auditText.test.ts still checks how an
 * audit entry reads.
 */
import { FULL_REASON_PARAMS } from '../support/reasonParams'
import { describe, expect, it } from 'vitest'
import { COLUMNS, headerOf } from '../../src/main/reports/export/columns'
import { scenarioRows } from '../../src/main/upstream/sandbox/training-scenarios'
import { AUDIT_ACTIONS } from '../../src/shared/audit'
import { ERROR_CODES } from '../../src/shared/errors'
import { createTranslator, en, zhCN } from '../../src/shared/i18n'
import { NOTICE_CODES } from '../../src/shared/ipc/types'
import type { RedemptionStatus } from '../../src/shared/redeem'
import { REASON_CODES, reasonText, type ReasonParams } from '../../src/shared/rules'
import { scanRejectText, type ScanRejectReason } from '../../src/shared/scan'
import { CONNECTION_TEST_OUTCOMES } from '../../src/shared/setup'
import {
  describeSyncReason,
  KNOWN_ERRCODES,
  SYNC_REASONS,
  type Connectivity,
  type SyncPause
} from '../../src/shared/sync'

type Tree = { [key: string]: string | Tree }
type Lang = 'zh-CN' | 'en'
const CATALOGUES: Record<Lang, Tree> = { 'zh-CN': zhCN as unknown as Tree, en: en as unknown as Tree }

function lookup(lang: Lang, key: string): string | undefined {
  let node: string | Tree | undefined = CATALOGUES[lang]
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
  return typeof node === 'string' ? node : undefined
}

function keysUnder(tree: Tree, prefix: string): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}.${k}`] : keysUnder(v, `${prefix}.${k}`)
  )
}

/** The text for an error code: a page's own wording first (reports), else the shared one — as errorText. */
const errorKey = (code: string): string =>
  lookup('zh-CN', `reports.errors.${code}`) !== undefined ? `reports.errors.${code}` : `errors.${code}`

// Unions without a runtime list: a Record over the union fails to compile when a member is added and not here.
const SCAN_REJECTS: Record<ScanRejectReason, true> = {
  EMPTY: true,
  TOO_LONG: true,
  BINARY_GARBAGE: true,
  IME_MANGLED: true,
  NON_ASCII: true,
  INVALID_CHARACTERS: true,
  MALFORMED_URL: true,
  URL_WITHOUT_CODE: true,
  BAD_ENCRYPT_CODE: true,
  BAD_CARD_ID: true,
  FRAME_OVERFLOW: true
}
const CONNECTIVITY: Record<Connectivity | 'unknown', true> = {
  online: true,
  degraded: true,
  offline: true,
  unknown: true
}
const PAUSES: Record<SyncPause['reason'], true> = { quota: true, auth: true }
const STATUSES: Record<RedemptionStatus | 'stale', true> = {
  pending: true,
  stale: true,
  synced: true,
  conflict: true,
  rejected: true,
  voided: true
}
const CARD_TYPES = ['CASH', 'DISCOUNT', 'GIFT', 'GROUPON', 'GENERAL_COUPON', 'MEMBER_CARD', 'UNKNOWN']

const GROUPS: Record<string, string[]> = {
  'error code': ERROR_CODES.map(errorKey),
  'rule reason': [
    ...REASON_CODES.map((c) => `reasons.${c}`),
    ...keysUnder(zhCN.reasonParts as unknown as Tree, 'reasonParts'),
    'reasonWords.unknown'
  ],
  'sync state': [
    ...Object.keys(CONNECTIVITY).map((c) => `sync.connectivity.${c}`),
    ...Object.keys(PAUSES).map((p) => `sync.paused.${p}`),
    ...Object.keys(STATUSES).map((s) => `status.${s}`)
  ],
  'sync reason': [
    ...SYNC_REASONS.map((r) => `wechat.syncReason.${r}`),
    ...keysUnder(zhCN.wechat.status as unknown as Tree, 'wechat.status'),
    ...KNOWN_ERRCODES.map((e) => `wechat.errcode.${e}`),
    'wechat.errcodeUnknown',
    'wechat.statusUnknown',
    'wechat.withCode'
  ],
  'scan refusal': Object.keys(SCAN_REJECTS).map((r) => `scanReject.${r}`),
  'audit action': AUDIT_ACTIONS.map((a) => `reports.audit.actions.${a}`),
  'connection test': CONNECTION_TEST_OUTCOMES.map((o) => `connectionTest.${o}`),
  notice: NOTICE_CODES.map((c) => `errors.${c}`),
  'export word': [
    ...keysUnder(zhCN.exportFile as unknown as Tree, 'exportFile'),
    ...COLUMNS.map((c) => `exportFile.column.${c.key}`),
    ...CARD_TYPES.map((c) => `cardType.${c}`),
    ...['collected', 'written_off', 'other'].map((o) => `reports.conflicts.outcome.${o}`)
  ],
  'training scenario': scenarioRows().flatMap((r) =>
    ['title', 'description'].map((part) => `trainingScenario.${r.key}.${part}`)
  ),
  'main-process word': [
    ...keysUnder(zhCN.goLive as unknown as Tree, 'goLive'),
    ...keysUnder(zhCN.startup as unknown as Tree, 'startup'),
    'app.name'
  ]
}

const HAN = /\p{Script=Han}/u
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '')
/** {x} or [ … {{x}} … ]: the old reason-text mini-language, which i18next would print as it is. */
const OLD_SYNTAX = /(^|[^{])\{\w+\}(?!\})|\[[^\]]*\{\{?\w+\}?\}[^\]]*\]/

describe('every code main can send has words in zh-CN and English', () => {
  const cases = Object.entries(GROUPS).flatMap(([group, keys]) => keys.map((key) => [group, key] as const))

  it.each(cases)('%s %s', (_group, key) => {
    const zh = lookup('zh-CN', key)
    const english = lookup('en', key)
    expect(zh?.trim(), `zh-CN ${key}`).toBeTruthy()
    expect(english?.trim(), `en ${key}`).toBeTruthy()
    if (!zh || !english) return
    // Chinese words, unless the text is only placeholders and punctuation ('{{text}}（{{errcode}}）')
    const bare = zh.replace(/\{\{\w+\}\}/g, '')
    if (/\p{L}/u.test(bare)) expect(zh, `zh-CN ${key} is Chinese`).toMatch(HAN)
    expect(zh, 'no English sentence in the Chinese text').not.toMatch(/[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}/)
    for (const text of [zh, english]) expect(text).not.toMatch(OLD_SYNTAX)
    for (const p of placeholders(zh)) expect(placeholders(english), `en ${key} uses {{${p}}}`).toContain(p)
  })

  it('lists every group (none is empty) and each code once', () => {
    for (const [group, keys] of Object.entries(GROUPS)) expect(keys.length, group).toBeGreaterThan(0)
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length)
    expect(new Set(REASON_CODES).size).toBe(REASON_CODES.length)
  })

  it('has no text for a reason code that does not exist', () => {
    expect(Object.keys(zhCN.reasons).sort()).toEqual([...REASON_CODES].sort())
  })
})

describe('the whole catalogue', () => {
  const all = (lang: Lang) => keysUnder(CATALOGUES[lang], '').map((k) => [k, lookup(lang, k.slice(1)) ?? ''])

  it('has no leftover of the {x}/[optional] syntax anywhere', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const old = all(lang).filter(([, v]) => OLD_SYNTAX.test(v ?? ''))
      expect(old, lang).toEqual([])
    }
  })
})

describe('the words as the helpers put them together', () => {
  const ts = { 'zh-CN': createTranslator('zh-CN'), en: createTranslator('en') }
  const full: ReasonParams = FULL_REASON_PARAMS
  const LEFTOVER = /\{|\}|\[|\]|^(reasons|wechat|scanReject|exportFile)\./

  it.each(['zh-CN', 'en'] as const)('leave no placeholder or key in %s', (lang) => {
    const t = ts[lang]
    for (const code of REASON_CODES)
      for (const params of [full, {}]) expect(reasonText(t, code, params), code).not.toMatch(LEFTOVER)
    for (const reason of [...SYNC_REASONS, 'wechat:40099', 'wechat:77777', 'status:GIFTING', 'status:NEW'])
      expect(describeSyncReason(t, reason), reason).not.toMatch(LEFTOVER)
    for (const reason of Object.keys(SCAN_REJECTS) as ScanRejectReason[])
      expect(scanRejectText(t, { reason, params: { max: 20 } }), reason).not.toMatch(LEFTOVER)
    for (const column of COLUMNS) expect(headerOf(column, t)).not.toMatch(LEFTOVER)
  })

  it('say a reason with all its values, and without the ones the station does not know', () => {
    const zh = ts['zh-CN']
    expect(reasonText(zh, 'ALREADY_REDEEMED_LOCAL', full)).toBe(
      '此券已核销过：2026-06-03 11:58，收银台：T2，收银员 王芳'
    )
    expect(reasonText(ts.en, 'ALREADY_REDEEMED_LOCAL', { station: 'T2' })).toBe('Already redeemed on till T2')
    expect(reasonText(zh, 'VELOCITY', {})).toBe('这位顾客今天已核销 未知 张券，请留意')
  })
})
