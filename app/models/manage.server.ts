import type { Kysely } from "kysely";

import type { Database, Language, RecordKind, RecordStatus } from "../../db/schema";
import type { SessionUser } from "./user.server";

export interface WorkItem {
  id: number;
  kind: RecordKind;
  slug: string;
  title: string;
  /** The language of the record's content, for the `lang` of its title. */
  language: Language;
  status: RecordStatus;
  organisationId: number;
  organisation: string;
  version: number;
  updatedAt: string;
  reviewBy: string | null;
  /** Set when an editor sent the record back; cleared on the next submit. */
  reviewComment: string | null;
}

function items(db: Kysely<Database>) {
  return db
    .selectFrom("records as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .select([
      "r.id",
      "r.kind",
      "r.slug",
      "r.title",
      "r.language",
      "r.status",
      "r.organisation_id as organisationId",
      "o.name as organisation",
      "r.version",
      "r.updated_at as updatedAt",
      "r.review_by as reviewBy",
      "r.review_comment as reviewComment",
    ]);
}

/** One record of any status, for the workflow and history routes. */
export async function recordById(db: Kysely<Database>, id: number): Promise<WorkItem | null> {
  return (await items(db).where("r.id", "=", id).executeTakeFirst()) ?? null;
}

/** Everything waiting for an editor, oldest first. */
export async function reviewQueue(db: Kysely<Database>): Promise<WorkItem[]> {
  return items(db).where("r.status", "=", "review").orderBy("r.updated_at").execute();
}

/** Published material whose review-by date has passed: the editors' reminder. */
export async function staleRecords(db: Kysely<Database>, { today }: { today: string }): Promise<WorkItem[]> {
  return items(db)
    .where("r.status", "=", "published")
    .where("r.review_by", "is not", null)
    .where("r.review_by", "<=", today)
    .orderBy("r.review_by")
    .execute();
}

/** What a writer's organisation has in Lärdom, in every state, newest change first. */
export async function organisationWork(db: Kysely<Database>, user: SessionUser): Promise<WorkItem[]> {
  if (user.organisationId === null) return [];
  return items(db).where("r.organisation_id", "=", user.organisationId).orderBy("r.updated_at", "desc").limit(200).execute();
}

/** Every reading path in every state, for editors to find drafts as well as published ones. */
export async function allPaths(db: Kysely<Database>) {
  return db.selectFrom("paths").select(["slug", "title", "status"]).orderBy("title").execute();
}
