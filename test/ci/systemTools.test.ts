/**
 * Every system tool a test or a code path needs is installed by .ci/run, and each one's absence is said in plain
 * words (what is missing and which package brings it) instead of a raw ENOENT. See the package table in .ci/run.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startSocatPair } from '../devices/support/socatPair'
import { chromiumPath } from '../e2e/support/browser'
import { HubStartError } from '../../src/hub/errors'
import { ensureOsUser } from '../../src/hub/postgres/embedded'

const savedPath = process.env.PATH
afterEach(() => {
  process.env.PATH = savedPath
})
const emptyPath = () => mkdtempSync(join(tmpdir(), 'no-tools-'))

describe('missing system tools are named with their package', () => {
  it('socat (serial tests) missing', async () => {
    const dir = emptyPath()
    process.env.PATH = emptyPath()
    await expect(startSocatPair(dir)).rejects.toThrow(/socat is not installed.*apt-get install socat/)
  })

  it('Chromium (browser tests) missing', () => {
    expect(() => chromiumPath(['/nonexistent/chromium'])).toThrow(
      /No Chromium found.*apt-get install chromium.*CHROMIUM_PATH/
    )
  })

  it('useradd (the hub makes its PostgreSQL account when it runs as root) missing', () => {
    process.env.PATH = emptyPath()
    const make = () => ensureOsUser('hexiao-no-such-user')
    // Not root: PostgreSQL runs as the hub's own account and no tool is needed.
    if (process.getuid?.() !== 0) return expect(make()).toBeUndefined()
    const err = (() => {
      try {
        make()
      } catch (e) {
        return e
      }
    })()
    expect(err).toBeInstanceOf(HubStartError)
    expect((err as HubStartError).code).toBe('PG_USER_UNAVAILABLE')
    expect((err as HubStartError).message).toMatch(/useradd program is not installed.*apt-get install passwd/)
  })
})
