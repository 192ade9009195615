/**
 * Every action the audit log records. Main writes these keys (src/main/audit/audit.ts); the manager's audit page
 * says each in words (i18n `reports.audit.actions.*`), and test/renderer/auditText.test.ts fails on an action
 * without zh-CN and English text. Adding one: list it here, give it words in both catalogues.
 */
export const AUDIT_ACTIONS = [
  'staff.sign_in',
  'staff.sign_in_failed',
  'staff.sign_out',
  'staff.created',
  'staff.pin_changed',
  'staff.pin_reset',
  'staff.deactivated',
  'staff.reactivated',
  'staff.role_changed',
  'redemption.created',
  'redemption.voided',
  'redemption.override',
  'redemption.conflict',
  'redemption.rejected',
  'conflict.resolved',
  'settings.changed',
  'settings.approval_rules_changed',
  'sync.resumed',
  'day.closed',
  'backup.restored',
  'training.practice_reset',
  /** A slip or Z report printed a second time (the paper says 重印). */
  'print.reprinted',
  /** A manager paired this till with the store hub (src/main/storeLink). */
  'storeLink.paired',
  /** A manager changed this till's store hub role: single / hub / join (src/main/hubHost). */
  'storeHub.role_changed',
  /** A manager revoked a till at this till's hub (src/main/hubHost). */
  'storeHub.till_revoked',
  /** A manager enrolled this till with the chain hub at headquarters (src/main/chainLink). */
  'chainLink.enrolled',
  'storeLink.policySet',
  'storeLink.uncheckedRefused',
  'storeLink.conflictResolved'
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]
