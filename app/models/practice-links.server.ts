import type { Kysely, Transaction } from "kysely";

import type { Database, LinkType } from "../../db/schema";
import type { PracticeValues } from "../forms/record";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * A practice's links, edited with the practice: "adopted from" another practice (the learning
 * cycle's apply) and "came from" an event, optionally one of its lessons. Practices and events are
 * named by slug, as in the seeds format; the lesson by its id (ids stay stable when an event is
 * edited, see writeValues).
 */
export interface PracticeLinks {
  adopted_from?: string;
  from_event?: string;
  from_lesson?: number;
}

export async function loadLinks(db: Db, practiceId: number): Promise<PracticeLinks> {
  const rows = await db
    .selectFrom("record_links as l")
    .innerJoin("records as r", "r.id", "l.to_id")
    .select(["l.type", "r.slug", "l.lesson_id"])
    .where("l.from_id", "=", practiceId)
    .execute();
  const linkOf = (type: LinkType) => rows.find((r) => r.type === type);
  return {
    adopted_from: linkOf("adopted_from")?.slug,
    from_event: linkOf("from_event")?.slug,
    from_lesson: linkOf("from_event")?.lesson_id ?? undefined,
  };
}

export interface ResolvedLinks {
  adoptedFrom?: number;
  fromEvent?: number;
  fromLesson?: number;
}

/**
 * The linked records' ids; an unknown one, or the practice itself, is a field error. A lesson
 * that is not (or no longer) one of the chosen event's is left out rather than refused: it
 * happens when the writer picks another event, or restores a version whose lesson was removed.
 */
export async function resolveLinks(db: Db, values: PracticeValues, selfId: number | undefined, errors: Record<string, string[]>): Promise<ResolvedLinks> {
  const find = async (kind: "practice" | "event", slug: string | undefined) =>
    slug ? ((await db.selectFrom("records").select("id").where("kind", "=", kind).where("slug", "=", slug).executeTakeFirst())?.id ?? null) : undefined;
  const adoptedFrom = await find("practice", values.adopted_from);
  const fromEvent = await find("event", values.from_event);
  if (adoptedFrom === null || (adoptedFrom !== undefined && adoptedFrom === selfId)) errors.adopted_from = ["Välj ett annat gott exempel."];
  if (fromEvent === null) errors.from_event = ["Okänd träff."];
  const lesson =
    fromEvent && values.from_lesson !== undefined
      ? await db.selectFrom("lessons").select("id").where("id", "=", values.from_lesson).where("event_id", "=", fromEvent).executeTakeFirst()
      : undefined;
  return { adoptedFrom: adoptedFrom ?? undefined, fromEvent: fromEvent ?? undefined, fromLesson: lesson?.id };
}

/** Makes the stored links match; an unchanged link is kept as it is, a changed lesson updated in place. */
export async function syncLinks(trx: Transaction<Database>, practiceId: number, links: ResolvedLinks) {
  const wanted = [
    { type: "adopted_from" as const, to: links.adoptedFrom, toKind: "practice" as const, lesson: null },
    { type: "from_event" as const, to: links.fromEvent, toKind: "event" as const, lesson: links.fromLesson ?? null },
  ];
  for (const link of wanted) {
    const current = await trx
      .selectFrom("record_links")
      .select(["id", "to_id", "lesson_id"])
      .where("from_id", "=", practiceId)
      .where("type", "=", link.type)
      .executeTakeFirst();
    if (current && current.to_id === link.to) {
      if (current.lesson_id !== link.lesson) await trx.updateTable("record_links").set({ lesson_id: link.lesson }).where("id", "=", current.id).execute();
      continue;
    }
    if (current) await trx.deleteFrom("record_links").where("id", "=", current.id).execute();
    if (link.to !== undefined) {
      await trx
        .insertInto("record_links")
        .values({ type: link.type, from_id: practiceId, from_kind: "practice", to_id: link.to, to_kind: link.toKind, lesson_id: link.lesson })
        .execute();
    }
  }
}
