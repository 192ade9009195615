/**
 * Station set-up (first run wizard and the Settings page). setup.get is public only while no staff
 * account exists (the handler checks); every other use needs a manager. No response carries a secret.
 */
import { z } from 'zod'
import type { SETUP_CHANNELS } from '../names'
import { noArgs, shape, type ChannelSpec } from '../spec'
import {
  setupInputSchema,
  upstreamInputSchema,
  type ConnectionTestResult,
  type GoLiveResult,
  type SetupView
} from '../../setup'

export const setupContract = {
  'setup.get': { request: noArgs, response: shape<SetupView>(), access: 'public' },
  'setup.save': { request: setupInputSchema, response: shape<SetupView>(), access: 'manager' },
  'setup.testConnection': {
    request: z.object({ upstream: upstreamInputSchema }).strict(),
    response: shape<ConnectionTestResult>(),
    access: 'manager'
  },
  'setup.goLive': { request: noArgs, response: shape<GoLiveResult>(), access: 'manager' }
} as const satisfies Record<(typeof SETUP_CHANNELS)[number], ChannelSpec>
