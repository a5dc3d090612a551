import type { Transaction } from "kysely";

import type { Database, RecordKind } from "../db/schema";

type Trx = Transaction<Database>;

/** The id of a theme or organisation by slug, in the seed transaction (files may name existing rows). */
export async function idBySlug(trx: Trx, table: "themes" | "organisations", slug: string): Promise<number | undefined> {
  const row = await trx.selectFrom(table).select("id").where("slug", "=", slug).executeTakeFirst();
  return row?.id;
}

/** The id of a record of a kind by slug. */
export async function recordIdBySlug(trx: Trx, kind: RecordKind, slug: string): Promise<number | undefined> {
  const row = await trx
    .selectFrom("records")
    .select("id")
    .where("kind", "=", kind)
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row?.id;
}
