import type { Kysely, Transaction } from "kysely";

import type { Database, LinkType } from "../../db/schema";
import type { PracticeValues } from "../forms/record";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * A practice's two links, edited with the practice: "adopted from" another practice (the
 * learning cycle's apply) and "came from" an event. Named by slug, as in the seeds format.
 */
export interface PracticeLinks {
  adopted_from?: string;
  from_event?: string;
}

export async function loadLinks(db: Db, practiceId: number): Promise<PracticeLinks> {
  const rows = await db
    .selectFrom("record_links as l")
    .innerJoin("records as r", "r.id", "l.to_id")
    .select(["l.type", "r.slug"])
    .where("l.from_id", "=", practiceId)
    .execute();
  const slugOf = (type: LinkType) => rows.find((r) => r.type === type)?.slug;
  return { adopted_from: slugOf("adopted_from"), from_event: slugOf("from_event") };
}

/** The linked records' ids; an unknown one, or the practice itself, is a field error. */
export async function resolveLinks(db: Db, values: PracticeValues, selfId: number | undefined, errors: Record<string, string[]>) {
  const find = async (kind: "practice" | "event", slug: string | undefined) =>
    slug ? ((await db.selectFrom("records").select("id").where("kind", "=", kind).where("slug", "=", slug).executeTakeFirst())?.id ?? null) : undefined;
  const adoptedFrom = await find("practice", values.adopted_from);
  const fromEvent = await find("event", values.from_event);
  if (adoptedFrom === null || (adoptedFrom !== undefined && adoptedFrom === selfId)) errors.adopted_from = ["Välj ett annat gott exempel."];
  if (fromEvent === null) errors.from_event = ["Okänd träff."];
  return { adoptedFrom: adoptedFrom ?? undefined, fromEvent: fromEvent ?? undefined };
}

/** Makes the stored links match; an unchanged link is kept as it is (with its lesson, if any). */
export async function syncLinks(trx: Transaction<Database>, practiceId: number, links: { adoptedFrom?: number; fromEvent?: number }) {
  const wanted = [
    { type: "adopted_from" as const, to: links.adoptedFrom, toKind: "practice" as const },
    { type: "from_event" as const, to: links.fromEvent, toKind: "event" as const },
  ];
  for (const link of wanted) {
    const current = await trx.selectFrom("record_links").select(["id", "to_id"]).where("from_id", "=", practiceId).where("type", "=", link.type).executeTakeFirst();
    if (current?.to_id === link.to) continue;
    if (current) await trx.deleteFrom("record_links").where("id", "=", current.id).execute();
    if (link.to !== undefined) {
      await trx
        .insertInto("record_links")
        .values({ type: link.type, from_id: practiceId, from_kind: "practice", to_id: link.to, to_kind: link.toKind, lesson_id: null })
        .execute();
    }
  }
}
