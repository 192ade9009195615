/**
 * Bundles a TypeScript entry (driver.ts here, the bench's worker process too) into one ES module for a plain
 * `node` child process. It is written under node_modules/.cache so that its bare imports (better-sqlite3, luxon,
 * zod, uuid) resolve from the project's node_modules, as they would for the built app.
 */
import { mkdirSync, rmSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../..')

export interface Bundle {
  file: string
  cleanup(): void
}

export async function bundleForNode(entry: string): Promise<Bundle> {
  const name = basename(entry).replace(/\.ts$/, '')
  const outDir = join(
    root,
    'node_modules',
    '.cache',
    'hexiao-reliability',
    `${name}-${process.pid}-${Date.now()}`
  )
  mkdirSync(outDir, { recursive: true })
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    resolve: { conditions: ['node'] },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rolldownOptions: { output: { entryFileNames: `${name}.mjs`, format: 'es' } }
    }
  })
  return {
    file: join(outDir, `${name}.mjs`),
    cleanup: () => rmSync(outDir, { recursive: true, force: true })
  }
}

export const buildDriver = (): Promise<Bundle> => bundleForNode(join(here, 'driver.ts'))
