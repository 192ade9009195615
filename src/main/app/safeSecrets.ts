/** The Electron SecretStore: the same file as the host, but each value encrypted with safeStorage (OS keychain). */
import { join } from 'node:path'
import { safeStorage } from 'electron'
import { FileSecretStore, plainFileSecretStore, type SecretStore } from '../setup/secrets'

export function electronSecretStore(dataDir: string): SecretStore {
  if (!safeStorage.isEncryptionAvailable()) return plainFileSecretStore(dataDir)
  return new FileSecretStore(
    join(dataDir, 'live', 'secrets.enc.json'),
    true,
    (plain) => safeStorage.encryptString(plain).toString('base64'),
    (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64'))
  )
}
