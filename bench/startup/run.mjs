// Runs bench/startup/bench.ts through Vite's module runner (no TypeScript runner is installed).
// Usage: node bench/startup/run.mjs [--rows 1000000] [--starts 7] [--keep <dir>]   (after `npm run build`)
import { runnerImport } from 'vite'

const { module } = await runnerImport(new URL('./bench.ts', import.meta.url).pathname, {
  configFile: false,
  logLevel: 'error'
})
await module.main(process.argv.slice(2))
