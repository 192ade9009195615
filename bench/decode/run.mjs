// Runs bench/decode/bench.ts (or hard.ts with --hard) without a TypeScript runner: Vite's module runner
// (Vite is already a dev dependency) transpiles it on the fly. Usage: node --expose-gc bench/decode/run.mjs
// [--per-band 24] [--memory-frames 3000] [--no-peer]; node bench/decode/run.mjs --hard [--per-cell 20]
// [--empty 40] [--misses]
import { runnerImport } from 'vite'

const hard = process.argv.includes('--hard')
const { module } = await runnerImport(new URL(hard ? './hard.ts' : './bench.ts', import.meta.url).pathname, {
  configFile: false,
  logLevel: 'error',
  // bwip-js only exports node/browser builds by condition.
  resolve: { conditions: ['node'] }
})
await (hard ? module.hardMain : module.main)(process.argv.slice(2))
