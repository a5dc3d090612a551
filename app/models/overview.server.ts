import type { Kysely } from "kysely";

import type { Database } from "../../db/schema";
import type { Access } from "../utils/access.server";
import { countRecords, visibleTo } from "./record.server";

/** The numbers the home page opens with. */
export async function getFigures(db: Kysely<Database>, { access }: { access: Access }) {
  const lessons = await db
    .selectFrom("lessons as l")
    .innerJoin("records as r", "r.id", "l.event_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where(visibleTo(access))
    .executeTakeFirstOrThrow();
  const organisations = await db
    .selectFrom("organisations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return {
    practices: await countRecords(db, { access, filters: { kind: "practice" } }),
    events: await countRecords(db, { access, filters: { kind: "event" } }),
    lessons: Number(lessons.n),
    activities: await countRecords(db, { access, filters: { kind: "activity" } }),
    organisations: Number(organisations.n),
  };
}
