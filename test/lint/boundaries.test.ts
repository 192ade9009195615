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

describe('main-process layers (eslint/mainLayers.js, docs/architecture.md)', () => {
  const layerErrors = (errors: Awaited<ReturnType<typeof lintAs>>) =>
    errors.filter((e) => e.ruleId === 'layers/main-layers')

  it('rejects upward and same-layer imports, type-only ones included', async () => {
    const errors = layerErrors(await lintAs('main-upward-import.ts', 'src/main/redeem/fixture.ts'))
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5])
    expect(errors[0]?.message).toMatch(/redeem \(layer \d+\) must not import ipc/)
  })

  it('accepts imports that point down', async () => {
    expect(layerErrors(await lintAs('main-downward-import.ts', 'src/main/ipc/handlers/fixture.ts'))).toEqual(
      []
    )
  })

  it('asks for a new room to be placed in a layer', async () => {
    const errors = layerErrors(await lintAs('main-unknown-room.ts', 'src/main/sync/fixture.ts'))
    expect(errors).toHaveLength(1)
    expect(errors[0]?.message).toMatch(/newroom is not in a layer/)
  })
})

describe('src/main folders', () => {
  it('form no import cycle (runtime or type imports), read from the real tree', async () => {
    const { mainRoomGraph, findCycle } = await import('../../eslint/mainGraph.js')
    const graph = mainRoomGraph('src/main')
    expect(Object.keys(graph).length).toBeGreaterThan(10)
    expect(findCycle(graph)).toBeNull()
  })

  it('the cycle finder finds a cycle when there is one', async () => {
    const { findCycle } = await import('../../eslint/mainGraph.js')
    expect(findCycle({ a: ['b'], b: ['c'], c: ['a'] })).toEqual(['a', 'b', 'c', 'a'])
  })
})
