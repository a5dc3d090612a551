import type { Kysely } from "kysely";

import type { Database } from "../../db/schema";
import { parseQuery, runQuery } from "./query.server";
import { isSearchReady, searchParts } from "./service.server";

/**
 * Records whose text is like the given record's: its title and tags asked as a query in which
 * any word may match, scored as search scores them. Scores are scaled so the best is 1. Empty
 * while the index is not loaded (related records then rest on themes and tags alone).
 */
export async function similarRecords(db: Kysely<Database>, recordId: number): Promise<Map<number, number>> {
  const scores = new Map<number, number>();
  if (!isSearchReady()) return scores;
  const { main, delta, stale } = await searchParts(db);
  const doc = delta?.docs.get(recordId) ?? main.docs.get(recordId);
  if (!doc) return scores;
  const query = [doc.title, ...doc.tags].join(" ");
  for (const part of delta ? [main, delta] : [main]) {
    for (const m of runQuery(part.engine, parseQuery(part.engine, query)).matches) {
      if (m.id === recordId || (part === main && stale.has(m.id))) continue;
      scores.set(m.id, Math.max(scores.get(m.id) ?? 0, m.score));
    }
  }
  let best = 0;
  for (const score of scores.values()) best = Math.max(best, score);
  for (const [id, score] of scores) scores.set(id, best > 0 ? score / best : 0);
  return scores;
}
