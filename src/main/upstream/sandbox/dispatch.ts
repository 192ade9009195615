/**
 * The WeChat-semantics core: one request in, one JSON reply out, no faults and no transport. Both the
 * in-process `Sandbox.handle` and the HTTP server end up here, so they cannot drift apart.
 */
import { parseBody } from './body'
import type { FaultKind } from './faults'
import type { SandboxModel } from './model'
import { batchGetCards, getCard } from './routes/card'
import { consumeCode, decryptCode, getCode, setCodeUnavailable } from './routes/code'
import type { RouteHandler } from './routes/context'
import { cardBizuinInfo } from './routes/datacube'
import { classicToken, stableToken } from './routes/token'
import type { JsonObject, SandboxRequest, SandboxResponse } from './types'

interface Route {
  method: 'GET' | 'POST'
  needsToken: boolean
  handler: RouteHandler
}

/** To add an endpoint: write a handler in routes/ and list it here (see README.md). */
const ROUTES = new Map<string, Route>([
  ['/cgi-bin/token', { method: 'GET', needsToken: false, handler: classicToken }],
  ['/cgi-bin/stable_token', { method: 'POST', needsToken: false, handler: stableToken }],
  ['/card/get', { method: 'POST', needsToken: true, handler: getCard }],
  ['/card/batchget', { method: 'POST', needsToken: true, handler: batchGetCards }],
  ['/card/code/get', { method: 'POST', needsToken: true, handler: getCode }],
  ['/card/code/consume', { method: 'POST', needsToken: true, handler: consumeCode }],
  ['/card/code/decrypt', { method: 'POST', needsToken: true, handler: decryptCode }],
  ['/card/code/unavailable', { method: 'POST', needsToken: true, handler: setCodeUnavailable }],
  ['/datacube/getcardbizuininfo', { method: 'POST', needsToken: true, handler: cardBizuinInfo }]
])

export const WECHAT_PATHS: readonly string[] = [...ROUTES.keys()]

function answer(model: SandboxModel, req: SandboxRequest): JsonObject {
  const route = ROUTES.get(req.path)
  // (inf) an unknown API path answers 40066 invalid url with HTTP 200.
  if (!route) return model.error(40066)
  if (req.method.toUpperCase() !== route.method) return model.error(route.method === 'GET' ? 43001 : 43002)
  const query = req.query ?? {}
  if (route.needsToken) {
    const check = model.tokens.check(query.access_token, model.now())
    if (!check.ok) return model.error(check.errcode)
  }
  let body: JsonObject = {}
  if (route.method === 'POST') {
    const parsed = parseBody(req.body)
    if (!parsed.ok) return model.error(parsed.errcode)
    body = parsed.value
  }
  return route.handler(model, { query, body, remoteIp: req.remoteIp ?? '127.0.0.1' })
}

/** Runs one request against the model and logs it. WeChat answers HTTP 200 even for errors. */
export function dispatch(model: SandboxModel, req: SandboxRequest, fault?: FaultKind): SandboxResponse {
  const body = answer(model, req)
  const errcode = typeof body.errcode === 'number' ? body.errcode : 0
  model.recordCall({ method: req.method, path: req.path, status: 200, errcode, fault })
  return { status: 200, body }
}
