/**
 * Prepared statements, compiled once per connection. Preparing costs tens of microseconds —
 * more than the indexed query itself — and the scan path runs a handful per scan.
 */
import type Database from 'better-sqlite3'

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>()

export function prepared(db: Database.Database, sql: string): Database.Statement {
  let statements = cache.get(db)
  if (!statements) {
    statements = new Map()
    cache.set(db, statements)
  }
  let statement = statements.get(sql)
  if (!statement) {
    statement = db.prepare(sql)
    statements.set(sql, statement)
  }
  return statement
}
