/**
 * Where the station keeps its secrets (the WeChat AppSecret, a token service's station key). They are
 * written by set-up and read only by main when it builds the upstream; no channel ever returns one.
 * Electron uses the OS keychain through safeStorage (src/main/app/safeSecrets.ts); the Node host has
 * none and keeps them in <dataDir>/live/secrets.json, NOT encrypted (it says so once in the log).
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'

/** `storeHub.token`: this till's credential at the store hub (src/main/storeLink), issued at pairing. */
/** `chainHub.token`: this till's credential at the chain hub (src/main/chainLink), issued at enrolment. */
export type SecretName = 'wechat.appSecret' | 'tokenService.stationKey' | 'storeHub.token' | 'chainHub.token'

export interface SecretStore {
  /** Whether the values are encrypted at rest. */
  readonly encrypted: boolean
  get(name: SecretName): string | null
  set(name: SecretName, value: string): void
  delete(name: SecretName): void
}

const SecretsFile = z.record(z.string(), z.string())

export const secretsFile = (dataDir: string): string => join(dataDir, 'live', 'secrets.json')

/** A JSON map of strings in a file, replaced atomically; `encode`/`decode` may encrypt. */
export class FileSecretStore implements SecretStore {
  constructor(
    private readonly file: string,
    readonly encrypted: boolean,
    private readonly encode: (plain: string) => string = (s) => s,
    private readonly decode: (stored: string) => string = (s) => s
  ) {}

  private read(): Record<string, string> {
    try {
      const parsed = SecretsFile.safeParse(JSON.parse(readFileSync(this.file, 'utf8')))
      return parsed.success ? parsed.data : {}
    } catch {
      return {}
    }
  }

  private write(values: Record<string, string>): void {
    mkdirSync(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.tmp`
    writeFileSync(tmp, JSON.stringify(values, null, 2) + '\n', { mode: 0o600 })
    renameSync(tmp, this.file)
    try {
      chmodSync(this.file, 0o600)
    } catch {
      // Best effort (Windows ignores modes).
    }
  }

  get(name: SecretName): string | null {
    const stored = this.read()[name]
    if (stored === undefined) return null
    try {
      return this.decode(stored)
    } catch {
      return null
    }
  }

  set(name: SecretName, value: string): void {
    this.write({ ...this.read(), [name]: this.encode(value) })
  }

  delete(name: SecretName): void {
    const values = this.read()
    if (!(name in values)) return
    delete values[name]
    this.write(values)
  }
}

let warned = false

/** The Node host's store: a plain file. Logs once that it is not encrypted. */
export function plainFileSecretStore(
  dataDir: string,
  log: (line: string) => void = console.warn
): SecretStore {
  const file = secretsFile(dataDir)
  if (!warned) {
    warned = true
    log(
      `[setup] WARNING: secrets (WeChat AppSecret) are stored NOT encrypted in ${file}; ` +
        'protect this folder (file mode 600) or use the desktop app, which uses the OS keychain.'
    )
  }
  return new FileSecretStore(file, false)
}
