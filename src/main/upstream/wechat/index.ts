/** The WeChat Card API client (see ../README.md). */
export {
  WechatCardClient,
  WECHAT_API_BASE_URL,
  BATCHGET_PAGE,
  type WechatClientOptions,
  type WechatCredentials
} from './client'
export {
  ACCOUNT_ERRCODES,
  CODE_ERRCODES,
  TOKEN_ERRCODES,
  classifyErrcode,
  type ErrcodeClass
} from './errcodes'
export { FORCED_REFRESH_PER_DAY, FORCED_REFRESH_SPACING_MS, type AppSecretCredentials } from './tokens'
export { REJECTED_TOKEN_HEADER, tokenFingerprint, type TokenServiceConfig } from './tokenService'
export type { FetchLike } from './transport'
export { KNOWN_ERRCODES, describeErrcode } from '../../../shared/sync'
