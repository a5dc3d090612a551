import type { Kysely } from "kysely";

import type { Database } from "../../db/schema";
import { similarRecords } from "../search/similar.server";
import type { Access } from "../utils/access.server";
import { findRecords, type RecordSummary } from "./record.server";

/** A shared theme says more about relatedness than a shared tag; the most similar text, most. */
const THEME_WEIGHT = 2;
const TAG_WEIGHT = 1;
const TEXT_WEIGHT = 3;
/** Text alone must be at least this similar (relative to the best) to count. */
const TEXT_FLOOR = 0.25;

/**
 * Records related to the given one, best first, never the record itself, kinds mixed: by shared
 * themes and tags, and by text similarity from the search index.
 */
export async function relatedRecords(
  db: Kysely<Database>,
  { recordId, access, limit = 4 }: { recordId: number; access: Access; limit?: number },
): Promise<RecordSummary[]> {
  const byTheme = await db
    .selectFrom("record_themes as mine")
    .innerJoin("record_themes as other", "other.theme_id", "mine.theme_id")
    .select(["other.record_id as id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("mine.record_id", "=", recordId)
    .where("other.record_id", "<>", recordId)
    .groupBy("other.record_id")
    .execute();
  const byTag = await db
    .selectFrom("record_tags as mine")
    .innerJoin("record_tags as other", "other.tag", "mine.tag")
    .select(["other.record_id as id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("mine.record_id", "=", recordId)
    .where("other.record_id", "<>", recordId)
    .groupBy("other.record_id")
    .execute();

  const scores = new Map<number, number>();
  for (const { id, n } of byTheme) scores.set(id, (scores.get(id) ?? 0) + THEME_WEIGHT * Number(n));
  for (const { id, n } of byTag) scores.set(id, (scores.get(id) ?? 0) + TAG_WEIGHT * Number(n));
  for (const [id, similarity] of await similarRecords(db, recordId)) {
    if (similarity >= TEXT_FLOOR) scores.set(id, (scores.get(id) ?? 0) + TEXT_WEIGHT * similarity);
  }
  if (scores.size === 0) return [];

  const candidates = await findRecords(db, { access, filters: { ids: [...scores.keys()] } });
  // findRecords gives newest first, and sort is stable: equal scores stay newest first.
  return candidates.sort((a, b) => scores.get(b.id)! - scores.get(a.id)!).slice(0, limit);
}
