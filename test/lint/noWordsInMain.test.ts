/**
 * Main sends codes and params; the words are the catalogue's (src/shared/i18n, docs/i18n.md). A Chinese
 * character in a string of main's code is a word built in main that the catalogue does not know (and that an
 * English reader would get in Chinese), so this fails on any, outside comments. The allow-list names the few
 * files whose Chinese is data, not the app's words, and says why.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ALLOWED: Record<string, string> = {
  'src/main/upstream/sandbox/training-cards.ts':
    'the training sandbox’s coupons as a merchant wrote them on WeChat (titles, notices): data WeChat returns, shown as it is like any real card',
  'src/main/upstream/sandbox/seed-cards.ts':
    'the sandbox’s seed coupons as a merchant wrote them on WeChat: data WeChat returns, not the app’s words',
  'src/main/config/identity.ts':
    'the default store and till names written once into a new database; the manager renames them at set-up (stored data, not words the app shows)'
}

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

/** The code without its comments; line numbers kept. Strings are left alone (a '//' in a URL stays). */
function withoutComments(source: string): string {
  let out = ''
  let i = 0
  let quote: string | null = null
  while (i < source.length) {
    const c = source[i] ?? ''
    const next = source[i + 1] ?? ''
    if (quote) {
      out += c
      if (c === '\\') {
        out += next
        i += 2
        continue
      }
      if (c === quote) quote = null
      i++
    } else if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2)
      const stop = end === -1 ? source.length : end + 2
      out += source.slice(i, stop).replace(/[^\n]/g, '')
      i = stop
    } else {
      if (c === "'" || c === '"' || c === '`') quote = c
      out += c
      i++
    }
  }
  return out
}

describe('main builds no words', () => {
  it('has no Chinese in the strings of src/main, outside the allow-list', () => {
    const root = process.cwd()
    const found: string[] = []
    for (const file of sourceFiles(join(root, 'src/main'))) {
      const path = relative(root, file).split('\\').join('/')
      if (ALLOWED[path]) continue
      withoutComments(readFileSync(file, 'utf8'))
        .split('\n')
        .forEach((line, n) => {
          if (CJK.test(line)) found.push(`${path}:${n + 1}: ${line.trim()}`)
        })
    }
    expect(found, 'move these words to src/shared/i18n and send a code (docs/i18n.md)').toEqual([])
  })

  it('allow-lists only files that exist and still hold Chinese', () => {
    for (const path of Object.keys(ALLOWED)) {
      const source = withoutComments(readFileSync(join(process.cwd(), path), 'utf8'))
      expect(CJK.test(source), `${path} no longer needs its allow-list entry`).toBe(true)
    }
  })

  it('sees a word in a string and ignores one in a comment', () => {
    expect(CJK.test(withoutComments("// 扫码盒子\nconst a = 'x' /* 核销 */"))).toBe(false)
    expect(CJK.test(withoutComments("const a = '核销台' // ok"))).toBe(true)
    expect(CJK.test(withoutComments('const u = "http://x" + `已${1}核销`'))).toBe(true)
  })
})
