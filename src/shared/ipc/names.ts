/**
 * The names of every IPC channel and event, with no schema library attached, so the
 * sandboxed preload can bundle it without pulling zod in. Each capability has its own
 * list (and its own contract file in ./contracts); contract.ts checks at compile time
 * that the contract has exactly these keys.
 */
export const APP_CHANNELS = ['app.info', 'db.ping'] as const
export const STAFF_CHANNELS = [
  'session.current',
  'staff.list',
  'staff.firstManager',
  'staff.signIn',
  'staff.signOut',
  'staff.lock',
  'staff.unlock',
  'staff.create',
  'staff.approve',
  'staff.listAll',
  'staff.changePin',
  'staff.resetPin',
  'staff.setActive',
  'staff.setRole'
] as const

export const REDEEM_CHANNELS = [
  'redeem.lookup',
  'redeem.evaluate',
  'redeem.commit',
  'redeem.void',
  'redeem.recent',
  'cards.active',
  'policy.get',
  'policy.set'
] as const

export const TRAINING_CHANNELS = ['training.scenarios', 'training.resetPractice'] as const

export const STATION_CHANNELS = ['station.identity'] as const

export const REPORTS_CHANNELS = [
  'reports.today',
  'reports.day',
  'reports.rows',
  'reports.wechat',
  'reports.conflicts',
  'reports.conflictStory',
  'reports.resolve',
  'reports.closeDay',
  'reports.zList',
  'reports.zReport',
  'reports.zPdf',
  'reports.export',
  'reports.audit',
  'reports.auditVerify',
  'reports.trainingUsedElsewhere',
  'backups.overview',
  'backups.create',
  'backups.setSettings',
  'backups.restore'
] as const

export const DEVICE_CHANNELS = [
  'devices.list',
  'devices.config.get',
  'devices.config.set',
  'devices.status',
  'devices.normalize'
] as const

export const PRINTER_CHANNELS = [
  'printer.get',
  'printer.config.set',
  'printer.check',
  'printer.test',
  'printer.slip',
  'printer.zreport',
  'printer.retry'
] as const

export const STORE_LINK_CHANNELS = [
  'storeLink.get',
  'storeLink.pair',
  'storeLink.conflicts',
  'storeLink.setPolicy',
  'storeLink.resolveConflict',
  'storeLink.storeDay',
  'storeLink.storeDayExport'
] as const

export const STORE_HUB_CHANNELS = [
  'storeHub.get',
  'storeHub.setRole',
  'storeHub.join',
  'storeHub.newCode',
  'storeHub.revoke',
  'storeHub.discover'
] as const
export const CHAIN_LINK_CHANNELS = [
  'chainLink.get',
  'chainLink.enrol',
  'chainLink.conflicts',
  'chainLink.setClaims'
] as const

export const SETUP_CHANNELS = ['setup.get', 'setup.save', 'setup.testConnection', 'setup.goLive'] as const

export const SYNC_CHANNELS = ['sync.current', 'sync.resume'] as const

export const CHANNEL_NAMES = [
  ...SYNC_CHANNELS,
  ...DEVICE_CHANNELS,
  ...APP_CHANNELS,
  ...STAFF_CHANNELS,
  ...REDEEM_CHANNELS,
  ...TRAINING_CHANNELS,
  ...STATION_CHANNELS,
  ...REPORTS_CHANNELS,
  ...SETUP_CHANNELS,
  ...PRINTER_CHANNELS,
  ...STORE_LINK_CHANNELS,
  ...STORE_HUB_CHANNELS,
  ...CHAIN_LINK_CHANNELS
] as const

export const APP_EVENTS = ['app.notice'] as const

export const SYNC_EVENTS = ['sync.state', 'redemption.updated'] as const

export const DEVICE_EVENTS = ['device.scan', 'device.status'] as const

export const PRINTER_EVENTS = ['printer.status', 'printer.job'] as const

export const STORE_LINK_EVENTS = ['storeLink.state'] as const

export const EVENT_NAMES = [
  ...APP_EVENTS,
  ...SYNC_EVENTS,
  ...DEVICE_EVENTS,
  ...PRINTER_EVENTS,
  ...STORE_LINK_EVENTS
] as const

export type ChannelName = (typeof CHANNEL_NAMES)[number]
export type EventName = (typeof EVENT_NAMES)[number]

/** Electron sends event E on the ipc channel `${EVENT_CHANNEL_PREFIX}${E}`. */
export const EVENT_CHANNEL_PREFIX = 'event:'
