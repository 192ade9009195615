export { decide, canRedeem, refusal } from './decide'
export { isDoubleRead, DOUBLE_READ_WINDOW_MS, type ScanEvent } from './doubleRead'
export {
  DEFAULT_POLICY,
  rulesPolicySchema,
  offlinePolicySchema,
  type RulesPolicy,
  type OfflinePolicy
} from './policy'
export {
  REASON_CODES,
  SEVERITY_RANK,
  type Reason,
  type ReasonCode,
  type ReasonParams,
  type Severity
} from './reasonCodes'
export { reasonText, REASON_PARAM_KEYS } from './reasons'
export { redemptionMoney, percentOfRoundHalfUp, isValidBill, billOf, MAX_BILL_FEN } from './redemptionMoney'
export type {
  DecideContext,
  Decision,
  LocalHistory,
  MoneyOutcome,
  OriginalRedemption,
  Outcome
} from './types'
