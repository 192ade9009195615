// Runs bench/decode/bench.ts without a TypeScript runner: Vite's module runner (Vite is already a dev
// dependency) transpiles it on the fly. Usage: node --expose-gc bench/decode/run.mjs [--per-band 24]
// [--memory-frames 3000] [--no-peer]
import { runnerImport } from 'vite'

const { module } = await runnerImport(new URL('./bench.ts', import.meta.url).pathname, {
  configFile: false,
  logLevel: 'error',
  // bwip-js only exports node/browser builds by condition.
  resolve: { conditions: ['node'] }
})
await module.main(process.argv.slice(2))
