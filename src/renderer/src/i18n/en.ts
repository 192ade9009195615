import type { Catalogue } from './zh-CN'

export const en: Catalogue = {
  app: {
    name: 'Hexiao Station',
    mode: { training: 'Training', live: 'Live' },
    trainingBanner: 'TRAINING: built-in sandbox, no real coupon is affected',
    version: 'Version {{version}}',
    language: 'Language',
    loading: 'Connecting to the station service…'
  },
  shell: {
    schemaVersion: 'Database schema',
    timeZone: 'Store time zone',
    database: 'Database',
    databaseOk: 'OK ({{micros}} µs)',
    databaseFailed: 'Unavailable: {{message}}',
    runtime: 'Runtime',
    runtimeElectron: 'Desktop app',
    runtimeHost: 'Browser (Node host)'
  },
  errors: {
    DISCONNECTED: 'Lost the connection to the station service; reconnecting…',
    BAD_REQUEST: 'Invalid request',
    FORBIDDEN: 'Only a manager may do this',
    NOT_SIGNED_IN: 'Please sign in first',
    INTERNAL: 'Something went wrong; it was logged and nothing was changed',
    unknown: 'Error: {{message}}'
  }
}
