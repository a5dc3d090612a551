import type { Kysely } from "kysely";

import type { Database } from "../../db/schema";
import type { Access } from "../utils/access.server";
import { findRecords, getRecordBase, type RecordBase, type RecordSummary } from "./record.server";

export interface Practice extends RecordBase {
  problem: string;
  solution: string;
  results: string;
  resources: string;
  transferability: string;
  difficulties: string;
  /** The practice this one took up (the learning cycle's "apply"). */
  adoptedFrom: RecordSummary | null;
  /** Practices that took this one up. */
  adoptedBy: RecordSummary[];
  /** The event the practice grew out of. */
  fromEvent: RecordSummary | null;
  /** The lesson of that event it grew out of, if the link names one. */
  fromLesson: { id: number; text: string } | null;
}

export async function getPractice(
  db: Kysely<Database>,
  { slug, access }: { slug: string; access: Access },
): Promise<Practice | null> {
  const base = await getRecordBase(db, { kind: "practice", slug, access });
  if (!base) return null;
  const details = await db
    .selectFrom("practice_details")
    .select(["problem", "solution", "results", "resources", "transferability", "difficulties"])
    .where("record_id", "=", base.id)
    .executeTakeFirst();
  const links = await db
    .selectFrom("record_links")
    .select(["type", "from_id", "to_id", "lesson_id"])
    .where((eb) => eb.or([eb("from_id", "=", base.id), eb("to_id", "=", base.id)]))
    .execute();
  const linked = await findRecords(db, {
    access,
    filters: { ids: links.flatMap((l) => [l.from_id, l.to_id]).filter((id) => id !== base.id) },
  });
  const byId = new Map(linked.map((r) => [r.id, r]));
  const target = (type: string) => {
    const link = links.find((l) => l.type === type && l.from_id === base.id);
    return (link && byId.get(link.to_id)) ?? null;
  };
  const fromEvent = target("from_event");
  const lessonId = links.find((l) => l.type === "from_event" && l.from_id === base.id)?.lesson_id;
  const fromLesson =
    fromEvent && lessonId ? ((await db.selectFrom("lessons").select(["id", "text"]).where("id", "=", lessonId).executeTakeFirst()) ?? null) : null;
  return {
    ...base,
    problem: details?.problem ?? "",
    solution: details?.solution ?? "",
    results: details?.results ?? "",
    resources: details?.resources ?? "",
    transferability: details?.transferability ?? "",
    difficulties: details?.difficulties ?? "",
    adoptedFrom: target("adopted_from"),
    fromEvent,
    fromLesson,
    adoptedBy: links
      .filter((l) => l.type === "adopted_from" && l.to_id === base.id)
      .flatMap((l) => byId.get(l.from_id) ?? []),
  };
}
