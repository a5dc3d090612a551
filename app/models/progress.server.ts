import type { Kysely } from "kysely";

import type { Database, Language } from "../../db/schema";
import type { Access } from "../utils/access.server";
import { recordUrl } from "../utils/labels";
import { getPath } from "./path.server";
import { visibleTo } from "./record.server";

/**
 * A reader's progress through reading paths. Progress is kept per (reader, path, record), so
 * reordering a path keeps it, and a step that is removed simply stops counting.
 */

/** The records of a path the reader has marked as read. */
export async function doneSteps(db: Kysely<Database>, { userId, pathId }: { userId: number; pathId: number }): Promise<number[]> {
  const rows = await db
    .selectFrom("path_progress")
    .select("record_id")
    .where("user_id", "=", userId)
    .where("path_id", "=", pathId)
    .execute();
  return rows.map((r) => r.record_id);
}

export class NotAStep extends Error {}

/** Marks one step read or unread. Throws NotAStep when the record is not a step of the path. */
export async function markStep(
  db: Kysely<Database>,
  { userId, pathId, recordId, done }: { userId: number; pathId: number; recordId: number; done: boolean },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const step = await trx
      .selectFrom("path_steps")
      .select("id")
      .where("path_id", "=", pathId)
      .where("record_id", "=", recordId)
      .executeTakeFirst();
    if (!step) throw new NotAStep();
    if (done) {
      await trx
        .insertInto("path_progress")
        .values({ user_id: userId, path_id: pathId, record_id: recordId })
        .onConflict((oc) => oc.columns(["user_id", "path_id", "record_id"]).doNothing())
        .execute();
    } else {
      await trx
        .deleteFrom("path_progress")
        .where("user_id", "=", userId)
        .where("path_id", "=", pathId)
        .where("record_id", "=", recordId)
        .execute();
    }
  });
}

export interface ContinueItem {
  path: { slug: string; title: string };
  done: number;
  total: number;
  next: { title: string; url: string; optional: boolean; language: Language };
}

/**
 * "Continue where you left off": the reader's started paths that still have unread steps, the
 * most recently advanced first, each with the first unread step (required steps before optional).
 */
export async function continueReading(
  db: Kysely<Database>,
  { userId, access, limit = 5 }: { userId: number; access: Access; limit?: number },
): Promise<ContinueItem[]> {
  const started = await db
    .selectFrom("path_progress as pp")
    .innerJoin("paths as p", "p.id", "pp.path_id")
    .innerJoin("records as r", "r.id", "pp.record_id")
    .select(["p.slug", (eb) => eb.fn.max("pp.done_at").as("last")])
    .where("pp.user_id", "=", userId)
    .where("p.status", "=", "published")
    .where(visibleTo(access))
    .groupBy("p.slug")
    .orderBy("last", "desc")
    .execute();
  const items: ContinueItem[] = [];
  for (const { slug } of started) {
    const path = await getPath(db, { slug, access });
    if (!path || path.steps.length === 0) continue;
    const done = new Set(await doneSteps(db, { userId, pathId: path.id }));
    const unread = path.steps.filter((s) => !done.has(s.recordId));
    const next = unread.find((s) => !s.optional) ?? unread[0];
    if (!next) continue;
    items.push({
      path: { slug: path.slug, title: path.title },
      done: path.steps.length - unread.length,
      total: path.steps.length,
      next: { title: next.title, url: recordUrl(next.kind, next.slug), optional: next.optional, language: next.language },
    });
    if (items.length >= limit) break;
  }
  return items;
}
