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
import type { Translate } from "../i18n";
import { requestT } from "../i18n/lang.server";
import { listRecords, recordYears, type RecordFilters } from "../models/record.server";
import { listThemeTree, themeExists } from "../models/theme.server";
import type { Access } from "./access.server";
import { badRequest } from "./http.server";

/** An empty form field ("Alla") means no filter. */
const blank = (v: unknown) => (v === "" ? undefined : v);
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blank, schema.optional());

/** The query of a list page; the messages name what is wrong in the reader's language. */
function listQuery(t: Translate) {
  const year = t("ska vara ett årtal", "must be a year");
  const page = t("ska vara ett sidnummer", "must be a page number");
  return z.object({
    theme: optional(z.string().regex(SLUG_PATTERN, t("ska vara ett temas kortnamn", "must be a theme's short name"))),
    county: optional(z.enum(COUNTIES, { message: t(`ska vara ${COUNTIES.join(", ")}`, `must be ${COUNTIES.join(", ")}`) })),
    year: optional(z.coerce.number({ message: year }).int(year).min(1900, year).max(2100, year)),
    page: z.preprocess(
      blank,
      z.coerce
        .number({ message: page })
        .int(page)
        .min(1, t("ska vara 1 eller mer", "must be 1 or more"))
        .max(100_000, t("är för stort", "is too large"))
        .default(1),
    ),
    type: optional(z.enum(EVENT_TYPES, { message: t("okänd typ av träff", "unknown type of event") })),
    format: optional(z.enum(ACTIVITY_FORMATS, { message: t("okänt format", "unknown format") })),
    level: optional(z.enum(ACTIVITY_LEVELS, { message: t("okänd nivå", "unknown level") })),
  });
}

export type ListQueryValues = z.infer<ReturnType<typeof listQuery>>;

/**
 * Reads a list page's query string. Anything malformed, or a theme that does not exist, is
 * answered with a 400 naming the parameter, in the reader's language; parameters that do not
 * apply to the kind are ignored.
 */
export async function parseListQuery(db: Kysely<Database>, request: Request, kind: RecordKind) {
  const t = await requestT(request);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = listQuery(t).safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue.path.join(".");
    throw badRequest(t(`Ogiltig parameter ${name}: ${issue.message}.`, `Invalid parameter ${name}: ${issue.message}.`));
  }
  const q = parsed.data;
  if (q.theme && !(await themeExists(db, q.theme))) {
    throw badRequest(t(`Det finns inget tema som heter "${q.theme}".`, `There is no theme called "${q.theme}".`));
  }
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
