/**
 * card/code/get → CodeStatus, or a CodeGetError for an errcode reply. Defensive about both known shapes:
 * the 公众号 reply (status and can_consume at the top level) and the WeCom (企业号) variant that puts them,
 * with can_consume as the string "true"/"false", inside `card`. Never throws.
 */
import { readBool, readInt, readObject, readText, readUnixTime } from './read'
import type { CodeGetError, CodeGetProblem, CodeStatus, UserCardStatus } from './types'

const STATUSES: readonly UserCardStatus[] = [
  'NORMAL',
  'CONSUMED',
  'EXPIRE',
  'GIFTING',
  'GIFT_TIMEOUT',
  'DELETE',
  'UNAVAILABLE'
]

const PROBLEM_BY_ERRCODE: Readonly<Record<number, CodeGetProblem>> = {
  40056: 'unknownCode',
  40099: 'consumed',
  40127: 'invalidUserCardStatus',
  40071: 'memberCard'
}

const failure = (problem: CodeGetProblem, errcode: number | null, errmsg: string): CodeGetError => ({
  kind: 'error',
  problem,
  errcode,
  errmsg
})

export function toUserCardStatus(raw: string | null): UserCardStatus {
  const s = raw?.trim().toUpperCase()
  return (STATUSES as readonly (string | undefined)[]).includes(s) ? (s as UserCardStatus) : 'UNKNOWN'
}

/** `code` is the code that was asked about: the reply itself does not repeat it. */
export function parseCodeGet(json: unknown, code?: string): CodeStatus | CodeGetError {
  try {
    return parse(json, code)
  } catch (e) {
    return failure('malformed', null, e instanceof Error ? e.message : 'unreadable reply')
  }
}

function parse(json: unknown, askedCode: string | undefined): CodeStatus | CodeGetError {
  const root = readObject(json)
  if (!root) return failure('malformed', null, 'code/get reply is not a JSON object')
  const errcode = readInt(root.errcode)
  const errmsg = readText(root.errmsg) ?? ''
  if (errcode !== undefined && errcode !== 0) {
    return failure(PROBLEM_BY_ERRCODE[errcode] ?? 'upstreamError', errcode, errmsg)
  }
  const card = readObject(root.card) ?? {}
  const rawStatus = readText(root.user_card_status) ?? readText(card.user_card_status) ?? null
  if (errcode === undefined && rawStatus === null && readObject(root.card) === undefined) {
    return failure('malformed', null, 'code/get reply has neither errcode nor card nor user_card_status')
  }
  const status: CodeStatus = {
    kind: 'code',
    cardId: readText(card.card_id) ?? readText(root.card_id) ?? null,
    code: readText(root.code) ?? readText(card.code) ?? askedCode ?? null,
    openid: readText(root.openid) ?? readText(card.openid) ?? null,
    userCardStatus: toUserCardStatus(rawStatus),
    rawUserCardStatus: rawStatus,
    canConsume: readBool(root.can_consume) ?? readBool(card.can_consume) ?? null,
    outerStr: readText(root.outer_str) ?? readText(card.outer_str) ?? null
  }
  const begin = readUnixTime(card.begin_time ?? root.begin_time)
  const end = readUnixTime(card.end_time ?? root.end_time)
  // 0 is how some replies say "no bound"; it is never a real window edge.
  if (begin !== undefined && begin > 0) status.beginTime = begin
  if (end !== undefined && end > 0) status.endTime = end
  return status
}
