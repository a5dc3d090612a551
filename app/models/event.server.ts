import type { Kysely } from "kysely";

import type { Database, EventType } from "../../db/schema";
import type { Access } from "../utils/access.server";
import { findRecords, getRecordBase, type RecordBase, type RecordSummary } from "./record.server";

export interface Lesson {
  id: number;
  text: string;
}

export interface Event extends RecordBase {
  type: EventType;
  startsOn: string;
  endsOn: string | null;
  location: string;
  municipality: string;
  participantCount: number;
  participants: { slug: string; name: string }[];
  lessons: Lesson[];
  /** Practices that say they grew out of this event. */
  practices: RecordSummary[];
}

export async function getEvent(
  db: Kysely<Database>,
  { slug, access }: { slug: string; access: Access },
): Promise<Event | null> {
  const base = await getRecordBase(db, { kind: "event", slug, access });
  if (!base) return null;
  const details = await db
    .selectFrom("event_details")
    .selectAll()
    .where("record_id", "=", base.id)
    .executeTakeFirstOrThrow();
  const participants = await db
    .selectFrom("event_participants as ep")
    .innerJoin("organisations as o", "o.id", "ep.organisation_id")
    .select(["o.slug", "o.name"])
    .where("ep.event_id", "=", base.id)
    .orderBy("o.name")
    .execute();
  const practiceIds = await db
    .selectFrom("record_links")
    .select("from_id")
    .where("type", "=", "from_event")
    .where("to_id", "=", base.id)
    .execute();
  return {
    ...base,
    type: details.type,
    startsOn: details.starts_on,
    endsOn: details.ends_on,
    location: details.location,
    municipality: details.municipality,
    participantCount: details.participant_count,
    participants,
    lessons: await lessonsOf(db, [base.id]).then((m) => m.get(base.id) ?? []),
    practices: await findRecords(db, { access, filters: { ids: practiceIds.map((p) => p.from_id) } }),
  };
}

/** The lessons of several events, in their order, keyed by event id. */
export async function lessonsOf(db: Kysely<Database>, eventIds: number[]): Promise<Map<number, Lesson[]>> {
  const byEvent = new Map<number, Lesson[]>();
  if (eventIds.length === 0) return byEvent;
  const rows = await db
    .selectFrom("lessons")
    .select(["id", "event_id", "text"])
    .where("event_id", "in", eventIds)
    .orderBy("event_id")
    .orderBy("position")
    .execute();
  for (const row of rows) {
    const list = byEvent.get(row.event_id) ?? [];
    list.push({ id: row.id, text: row.text });
    byEvent.set(row.event_id, list);
  }
  return byEvent;
}
