import type { Kysely } from "kysely";
import { z } from "zod";

import {
  ACTIVITY_FORMATS,
  ACTIVITY_LEVELS,
  COUNTIES,
  EVENT_TYPES,
  type Database,
  type RecordKind,
} from "../../db/schema";
import { SLUG_PATTERN } from "../../seeds/schema";
import { listRecords, recordYears, type RecordFilters } from "../models/record.server";
import { listThemeTree, themeExists } from "../models/theme.server";
import type { Access } from "./access.server";
import { badRequest } from "./http.server";

/** An empty form field ("Alla") means no filter. */
const blank = (v: unknown) => (v === "" ? undefined : v);
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blank, schema.optional());

const ListQuery = z.object({
  theme: optional(z.string().regex(SLUG_PATTERN, "ska vara ett temas kortnamn")),
  county: optional(z.enum(COUNTIES, { message: `ska vara ${COUNTIES.join(", ")}` })),
  year: optional(z.coerce.number({ message: "ska vara ett årtal" }).int("ska vara ett årtal").min(1900, "ska vara ett årtal").max(2100, "ska vara ett årtal")),
  page: z.preprocess(blank, z.coerce.number({ message: "ska vara ett sidnummer" }).int("ska vara ett sidnummer").min(1, "ska vara 1 eller mer").max(100_000, "är för stort").default(1)),
  type: optional(z.enum(EVENT_TYPES, { message: "okänd typ av träff" })),
  format: optional(z.enum(ACTIVITY_FORMATS, { message: "okänt format" })),
  level: optional(z.enum(ACTIVITY_LEVELS, { message: "okänd nivå" })),
});

export type ListQueryValues = z.infer<typeof ListQuery>;

/**
 * Reads a list page's query string. Anything malformed, or a theme that does not exist, is
 * answered with a 400 naming the parameter; parameters that do not apply to the kind are ignored.
 */
export async function parseListQuery(db: Kysely<Database>, request: Request, kind: RecordKind) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = ListQuery.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(`Ogiltig parameter ${issue.path.join(".")}: ${issue.message}.`);
  }
  const q = parsed.data;
  if (q.theme && !(await themeExists(db, q.theme))) throw badRequest(`Det finns inget tema som heter "${q.theme}".`);
  const filters: RecordFilters = {
    kind,
    theme: q.theme,
    county: q.county,
    year: q.year,
    eventType: kind === "event" ? q.type : undefined,
    format: kind === "activity" ? q.format : undefined,
    level: kind === "activity" ? q.level : undefined,
  };
  const values = {
    theme: filters.theme ?? "",
    county: filters.county ?? "",
    year: filters.year ? String(filters.year) : "",
    type: filters.eventType ?? "",
    format: filters.format ?? "",
    level: filters.level ?? "",
  };
  return { filters, page: q.page, values };
}

/** Everything a list page needs: the page of records and the filters' choices. */
export async function loadRecordList(db: Kysely<Database>, request: Request, kind: RecordKind, access: Access) {
  const { filters, page, values } = await parseListQuery(db, request, kind);
  const list = await listRecords(db, { access, filters, page });
  const themes = await listThemeTree(db, { access });
  const years = await recordYears(db, { access, kind });
  return { ...list, values, options: { themes, years } };
}
