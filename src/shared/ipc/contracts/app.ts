import type { APP_CHANNELS, APP_EVENTS } from '../names'
import { noArgs, shape, type ChannelSpec } from '../spec'
import type { AppInfo, AppNotice, DbPing } from '../types'

export const appContract = {
  'app.info': { request: noArgs, response: shape<AppInfo>(), access: 'public' },
  'db.ping': { request: noArgs, response: shape<DbPing>(), access: 'public' }
} as const satisfies Record<(typeof APP_CHANNELS)[number], ChannelSpec>

export const appEvents = {
  'app.notice': shape<AppNotice>()
} as const satisfies Record<(typeof APP_EVENTS)[number], unknown>
