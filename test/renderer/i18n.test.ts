/**
 * Every visible string is in both catalogues: same keys, no empty text, the same {{placeholders}}, and
 * every literal key the renderer's code asks for exists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DISPLAYS } from '../../src/renderer/src/counter/counterState'
import { en } from '../../src/shared/i18n/en'
import { zhCN } from '../../src/shared/i18n/zh-CN'
import { PAGES } from '../../src/renderer/src/shell/pages'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

const zh = flatten(zhCN as unknown as Tree)
const english = flatten(en as unknown as Tree)
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

describe('the zh-CN and en catalogues', () => {
  it('have the same keys', () => {
    expect([...english.keys()].filter((k) => !zh.has(k))).toEqual([])
    expect([...zh.keys()].filter((k) => !english.has(k))).toEqual([])
  })

  it('have no empty text', () => {
    const empty = [...zh, ...english].filter(([, v]) => v.trim() === '').map(([k]) => k)
    expect(empty).toEqual([])
  })

  it('use the same placeholders in both languages', () => {
    const differ = [...zh].filter(
      ([k, v]) => english.has(k) && placeholders(v).join() !== placeholders(english.get(k) ?? '').join()
    )
    expect(differ.map(([k]) => k)).toEqual([])
  })

  it('hold every literal key the renderer asks for', () => {
    const root = join(process.cwd(), 'src/renderer/src')
    const asked = new Set<string>()
    for (const file of sourceFiles(root)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([\w.]+)'/g)) if (m[1]) asked.add(m[1])
    }
    expect(asked.size).toBeGreaterThan(50)
    expect([...asked].filter((k) => !zh.has(k))).toEqual([])
  })

  it('hold every key built from a state or page name', () => {
    const dynamic = [
      ...DISPLAYS.flatMap((d) => [`decision.title.${d}`, `decision.hint.${d}`]),
      ...['commit', 'confirm', 'approve', 'needAmount'].map((a) => `actions.${a}`),
      ...['pending', 'stale', 'synced', 'conflict', 'rejected', 'voided'].map((s) => `status.${s}`),
      ...['confirmed', 'queued', 'conflict', 'rejected', 'voided'].map((s) => `redeemed.sync.${s}`),
      ...['online', 'degraded', 'offline', 'unknown'].map((c) => `sync.connectivity.${c}`),
      ...['quota', 'auth'].map((r) => `sync.paused.${r}`),
      ...['seconds', 'minutes', 'hours'].map((u) => `age.${u}`),
      ...['doubleRead', 'mangled'].map((n) => `notice.${n}`),
      ...PAGES.map((p) => `nav.${p.key}`),
      ...['CASH', 'DISCOUNT', 'GIFT', 'GROUPON', 'GENERAL_COUPON', 'MEMBER_CARD', 'UNKNOWN'].map(
        (c) => `cardType.${c}`
      ),
      ...[1, 2, 3, 4, 5, 6, 7].map((d) => `weekday.${d}`),
      'role.cashier',
      'role.manager',
      'app.mode.training',
      'app.mode.live'
    ]
    expect(dynamic.filter((k) => !zh.has(k))).toEqual([])
  })
})
