import type { Kysely } from "kysely";

import type { ActivityFormat, ActivityLevel, Database } from "../../db/schema";
import type { Access } from "../utils/access.server";
import { getRecordBase, type RecordBase } from "./record.server";

export interface Activity extends RecordBase {
  format: ActivityFormat;
  level: ActivityLevel;
  hours: number;
  targetGroup: string;
  startsOn: string | null;
  endsOn: string | null;
  skills: string[];
}

export async function getActivity(
  db: Kysely<Database>,
  { slug, access }: { slug: string; access: Access },
): Promise<Activity | null> {
  const base = await getRecordBase(db, { kind: "activity", slug, access });
  if (!base) return null;
  const details = await db
    .selectFrom("activity_details")
    .selectAll()
    .where("record_id", "=", base.id)
    .executeTakeFirstOrThrow();
  const skills = await db
    .selectFrom("activity_skills")
    .select("skill")
    .where("record_id", "=", base.id)
    .orderBy("skill")
    .execute();
  return {
    ...base,
    format: details.format,
    level: details.level,
    hours: details.hours,
    targetGroup: details.target_group,
    startsOn: details.starts_on,
    endsOn: details.ends_on,
    skills: skills.map((s) => s.skill),
  };
}
