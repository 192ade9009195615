/** Entry point: `npm run sandbox` runs the bundled form of this file. Logic lives in cli-run.ts. */
import { runSandboxCli } from './cli-run'

runSandboxCli(process.argv.slice(2), console).then(
  (server) => {
    if (!server) {
      process.exitCode = 2
      return
    }
    const stop = (): void => {
      server.close().then(
        () => process.exit(0),
        () => process.exit(1)
      )
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  },
  (error: unknown) => {
    console.error(error)
    process.exitCode = 1
  }
)
