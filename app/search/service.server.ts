import type { Kysely } from "kysely";

import type { Database } from "../../db/schema";

/**
 * Tells search that a record was created, edited, published or archived, so that it is
 * searchable (or gone) within seconds. Call it after the write has committed.
 */
export async function recordChanged(_db: Kysely<Database>, _recordId: number): Promise<void> {
  // Filled in by the search work (issue 3); the signature is what writers rely on.
}
