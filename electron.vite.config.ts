import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// Native modules must never be bundled: they load a per-ABI .node binary at run time.
const nativeExternals = ['better-sqlite3', 'node-hid', 'serialport', /^@serialport\//]

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rolldownOptions: {
        external: nativeExternals,
        input: {
          // Electron entry (imports electron)
          index: resolve(__dirname, 'src/main/index.ts'),
          // Node entries (never import electron): the host, the sandbox, command-line tools
          host: resolve(__dirname, 'src/main/host/cli.ts'),
          sandbox: resolve(__dirname, 'src/main/upstream/sandbox/cli.ts'),
          'audit-verify': resolve(__dirname, 'src/main/cli/auditVerify.ts'),
          restore: resolve(__dirname, 'src/main/cli/restore.ts'),
          // The store hub (src/hub): a Node service of its own, built here so `npm ci` + `npm run hub` is enough
          hub: resolve(__dirname, 'src/hub/cli.ts')
        }
      }
    }
  },
  preload: {
    // A sandboxed preload can require almost nothing: bundle everything into one CommonJS file.
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/renderer/index.html'),
          // The HQ page (src/renderer/hq), served by the chain hub, not by Electron (docs/hq.md)
          hq: resolve(__dirname, 'src/renderer/hq.html')
        }
      }
    },
    plugins: [react()]
  }
})
