// Runs a TypeScript bench module under Node through vite's module runner: node bench/run.mjs bench/<dir>/<file>.ts [args]
import { runnerImport } from 'vite'

const [entry, ...args] = process.argv.slice(2)
if (!entry) {
  console.error('usage: node bench/run.mjs bench/<dir>/<file>.ts [args]')
  process.exit(2)
}
const { module } = await runnerImport(entry, {
  configFile: false,
  logLevel: 'error',
  resolve: { conditions: ['node'] }
})
await module.main(args)
process.exit(0)
