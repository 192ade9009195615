/** The hub's import rule is real: src/hub may use src/shared and its own files, never main, renderer or Electron. */
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })
async function lintAsHub(text: string) {
  const [result] = await eslint.lintText(text, { filePath: 'src/hub/store/fixture.ts' })
  return (result?.messages ?? []).filter((m) => m.severity === 2)
}

describe('src/hub import boundary', () => {
  it('rejects imports from main, the renderer and Electron', async () => {
    const errors = await lintAsHub(
      [
        "import { openStation } from '../../main/station/station'",
        "import { App } from '../../renderer/src/App'",
        "import { app } from 'electron'",
        'export const x = [openStation, App, app]',
        ''
      ].join('\n')
    )
    expect(errors.map((e) => e.ruleId)).toEqual([
      'no-restricted-imports',
      'no-restricted-imports',
      'no-restricted-imports'
    ])
    expect(errors[0]?.message).toMatch(/only src\/shared and its own files/)
  })

  it('accepts src/shared, its own files, pg and ws', async () => {
    const errors = await lintAsHub(
      [
        "import { HUB_PATHS } from '../../shared/hub/protocol'",
        "import { HubFailure } from './failure'",
        "import pg from 'pg'",
        "import { WebSocketServer } from 'ws'",
        'export const x = [HUB_PATHS, HubFailure, pg, WebSocketServer]',
        ''
      ].join('\n')
    )
    expect(errors).toEqual([])
  })
})
