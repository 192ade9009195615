import type { HubMigration } from '../migrate'
import { m001 } from './001_initial'

/** Append new migrations here; never edit a released one (src/hub/README.md § Add a migration). */
export const HUB_MIGRATIONS: readonly HubMigration[] = [m001]
