import type { Migration } from "kysely/migration";

import * as initial from "./2026-11-25-001-initial";
import * as loginAttempts from "./2026-11-25-002-login-attempts";
import * as pathVersion from "./2026-11-25-003-path-version";
import * as assessments from "./2026-11-25-004-assessments";
import * as searchLog from "./2026-11-25-005-search-log";

/**
 * Migrations listed statically (not read from the folder at run time) so they work the same from
 * the CLI, the tests and the bundled server. Add new files here, in date order.
 */
export const migrations: Record<string, Migration> = {
  "2026-11-25-001-initial": initial,
  "2026-11-25-002-login-attempts": loginAttempts,
  "2026-11-25-003-path-version": pathVersion,
  "2026-11-25-004-assessments": assessments,
  "2026-11-25-005-search-log": searchLog,
};
