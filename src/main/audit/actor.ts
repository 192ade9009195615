/**
 * Who did it: the one shape every service takes for the person acting (the signed-in staff member the
 * dispatcher resolved once per request). The same shape as the contract's StaffSummary, so what a screen
 * shows as "signed in" and what the audit log records are the same facts.
 */
import type { Role, StaffSummary } from '../../shared/ipc/contracts/staff'

export type { Role }
export type Actor = StaffSummary
