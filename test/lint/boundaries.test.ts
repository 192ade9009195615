/** The boundary rules are real: lint the fixtures as if they lived in src/renderer and src/shared. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })
const fixture = (name: string) => readFileSync(join('test/fixtures/lint', name), 'utf8')

async function lintAs(name: string, filePath: string) {
  const [result] = await eslint.lintText(fixture(name), { filePath })
  return (result?.messages ?? []).filter((m) => m.severity === 2)
}

describe('process boundary lint rules', () => {
  it('rejects a renderer file importing from main, Node and a device library', async () => {
    const errors = await lintAs('renderer-imports-main.ts', 'src/renderer/src/fixture.ts')
    const rules = errors.map((e) => e.ruleId)
    expect(rules.filter((r) => r === 'no-restricted-imports')).toHaveLength(3)
    expect(errors.map((e) => e.message).join('\n')).toMatch(/must not import from main/)
  })

  it('rejects a shared file importing Node or touching the DOM', async () => {
    const errors = await lintAs('shared-uses-node.ts', 'src/shared/fixture.ts')
    expect(errors.map((e) => e.ruleId).sort()).toEqual(['no-restricted-globals', 'no-restricted-imports'])
  })

  it('accepts a renderer file that only uses shared code', async () => {
    expect(await lintAs('renderer-clean.ts', 'src/renderer/src/fixture.ts')).toEqual([])
  })
})
