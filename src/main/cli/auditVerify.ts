// Node entry of `npm run audit:verify` (built to out/main/audit-verify.js); the command is ./auditVerifyCommand.ts.
import { runAuditVerify } from './auditVerifyCommand'

process.exitCode = runAuditVerify(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line)
})
