import type { Kysely } from "kysely";

import type { County, Database, OrganisationKind } from "../../db/schema";
import type { Access } from "../utils/access.server";
import { findRecords, visibleTo, type RecordSummary } from "./record.server";

export interface OrganisationPage {
  slug: string;
  name: string;
  kind: OrganisationKind;
  municipality: string;
  county: County;
  practices: RecordSummary[];
  eventsOrganised: RecordSummary[];
  eventsJoined: RecordSummary[];
  activities: RecordSummary[];
}

/** An organisation with what it shared, organised, took part in and offered. */
export async function getOrganisation(
  db: Kysely<Database>,
  { slug, access }: { slug: string; access: Access },
): Promise<OrganisationPage | null> {
  const org = await db.selectFrom("organisations").selectAll().where("slug", "=", slug).executeTakeFirst();
  if (!org) return null;
  const ownIds = await db.selectFrom("records as r").select("r.id").where("r.organisation_id", "=", org.id).execute();
  const own = await findRecords(db, { access, filters: { ids: ownIds.map((r) => r.id) } });
  const joinedIds = await db
    .selectFrom("event_participants as ep")
    .innerJoin("records as r", "r.id", "ep.event_id")
    .select("r.id")
    .where("ep.organisation_id", "=", org.id)
    .where(visibleTo(access))
    .execute();
  return {
    slug: org.slug,
    name: org.name,
    kind: org.kind,
    municipality: org.municipality,
    county: org.county,
    practices: own.filter((r) => r.kind === "practice"),
    eventsOrganised: own.filter((r) => r.kind === "event"),
    eventsJoined: await findRecords(db, { access, filters: { ids: joinedIds.map((r) => r.id) } }),
    activities: own.filter((r) => r.kind === "activity"),
  };
}
