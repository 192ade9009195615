/**
 * Every error code main (or the transport) can answer with has words in both languages, so a cashier never reads
 * "出错了：" followed by an English sentence. The codes are one typed list (src/shared/errors.ts): AppFailure takes
 * only those, so a new code cannot be thrown without being listed here too.
 */
import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../src/shared/errors'
import { en } from '../../src/shared/i18n/en'
import { zhCN } from '../../src/shared/i18n/zh-CN'

type Tree = { [key: string]: string | Tree }

/** The text the renderer shows for a code: a page's own wording first (reports), else the shared one. */
function textFor(catalogue: Tree, code: string): string | undefined {
  const reports = (catalogue['reports'] as Tree | undefined)?.['errors'] as Tree | undefined
  const shared = catalogue['errors'] as Tree
  const text = reports?.[code] ?? shared[code]
  return typeof text === 'string' ? text : undefined
}

describe('every error code has words', () => {
  it.each(ERROR_CODES)('%s in zh-CN and English', (code) => {
    const zh = textFor(zhCN as unknown as Tree, code)
    const english = textFor(en as unknown as Tree, code)
    expect(zh, `zh-CN errors.${code}`).toBeTruthy()
    expect(english, `en errors.${code}`).toBeTruthy()
    expect(zh, 'no Latin sentence in the Chinese text').not.toMatch(/[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}/)
  })

  it('lists each code once', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length)
  })
})
