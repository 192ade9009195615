// Runs bench/redeem/bench.ts through Vite's module runner (no TypeScript runner is installed).
// Usage: node --expose-gc bench/redeem/run.mjs [--rows 1000000] [--samples 20000] [--keep <dir>]
import { runnerImport } from 'vite'

const { module } = await runnerImport(new URL('./bench.ts', import.meta.url).pathname, {
  configFile: false,
  logLevel: 'error'
})
await module.main(process.argv.slice(2))
