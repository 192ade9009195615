#!/usr/bin/env node
// `npm start`: rebuild the native modules for Electron's ABI (needs internet the first
// time: Electron headers), build the three bundles, then open the real Electron app.
// After this, `npm test` notices better-sqlite3 is built for Electron and rebuilds it for Node.
import { spawn, execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' })

run('npx', ['electron-builder', 'install-app-deps'])
run('npx', ['electron-vite', 'build'])

// The electron package resolves (and on first use downloads) its binary.
const electronBinary = require('electron')
const child = spawn(electronBinary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' })
child.on('exit', (code) => process.exit(code ?? 0))
