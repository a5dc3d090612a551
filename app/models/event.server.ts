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
  /** The lessons, each with the practices that say they grew out of it. */
  lessons: (Lesson & { practices: RecordSummary[] })[];
  /** Practices that say they grew out of this event as a whole (or a lesson it no longer has). */
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
  const links = await db
    .selectFrom("record_links")
    .select(["from_id", "lesson_id"])
    .where("type", "=", "from_event")
    .where("to_id", "=", base.id)
    .execute();
  const lessonOf = new Map(links.map((l) => [l.from_id, l.lesson_id]));
  const practices = await findRecords(db, { access, filters: { ids: links.map((l) => l.from_id) } });
  const lessons = (await lessonsOf(db, [base.id])).get(base.id) ?? [];
  const lessonIds = new Set(lessons.map((l) => l.id));
  return {
    ...base,
    type: details.type,
    startsOn: details.starts_on,
    endsOn: details.ends_on,
    location: details.location,
    municipality: details.municipality,
    participantCount: details.participant_count,
    participants,
    lessons: lessons.map((l) => ({ ...l, practices: practices.filter((p) => lessonOf.get(p.id) === l.id) })),
    practices: practices.filter((p) => !lessonIds.has(lessonOf.get(p.id) ?? -1)),
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
