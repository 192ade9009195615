// Runs a TypeScript bench module under Node through vite's module runner: node bench/sync/run.mjs bench/sync/drain.ts [args]
import { runnerImport } from 'vite'

const [entry, ...args] = process.argv.slice(2)
if (!entry) {
  console.error('usage: node bench/sync/run.mjs bench/sync/<drain|kill9|flaky>.ts [args]')
  process.exit(2)
}
const { module } = await runnerImport(entry, {
  configFile: false,
  logLevel: 'error',
  resolve: { conditions: ['node'] }
})
await module.main(args)
process.exit(0)
