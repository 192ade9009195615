/** GET /cgi-bin/token and POST /cgi-bin/stable_token (docs/wechat-api.md §1.1, §1.2). */
import type { SandboxModel } from '../model'
import type { JsonObject } from '../types'
import { readString, type RouteContext } from './context'

interface Credentials {
  grantType: string | undefined
  appid: string | undefined
  secret: string | undefined
}

/** The checks both token endpoints share; returns an error body, or the appid when the caller may have a token. */
function checkCredentials(model: SandboxModel, c: Credentials, remoteIp: string): JsonObject | string {
  if (c.grantType !== 'client_credential') return model.error(40002)
  if (c.appid === undefined) return model.error(41002)
  if (c.secret === undefined) return model.error(41004)
  const app = model.apps.get(c.appid)
  if (!app) return model.error(40013)
  if (app.secret !== c.secret) return model.error(40125)
  const ip = remoteIp.replace(/^::ffff:/, '')
  if (model.ipWhitelist && !model.ipWhitelist.includes(ip)) {
    return model.error(40164, `invalid ip ${ip} ipv6 ::ffff:${ip}, not in whitelist`)
  }
  return app.appid
}

export function classicToken(model: SandboxModel, ctx: RouteContext): JsonObject {
  const q = ctx.query
  const appid = checkCredentials(
    model,
    { grantType: q.grant_type, appid: readString(q.appid), secret: readString(q.secret) },
    ctx.remoteIp
  )
  if (typeof appid !== 'string') return appid
  const grant = model.tokens.issueClassic(appid, model.now())
  if (!grant.ok) return model.error(grant.errcode)
  return { access_token: grant.token, expires_in: grant.expiresIn }
}

export function stableToken(model: SandboxModel, ctx: RouteContext): JsonObject {
  const b = ctx.body
  const appid = checkCredentials(
    model,
    { grantType: readString(b.grant_type), appid: readString(b.appid), secret: readString(b.secret) },
    ctx.remoteIp
  )
  if (typeof appid !== 'string') return appid
  const grant = model.tokens.stable(appid, b.force_refresh === true, model.now())
  if (!grant.ok) return model.error(grant.errcode)
  return { access_token: grant.token, expires_in: grant.expiresIn }
}
