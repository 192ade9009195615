// Electron's entry point (package.json "main" → out/main/index.js).
import { runElectronApp } from './app/main'

runElectronApp()
