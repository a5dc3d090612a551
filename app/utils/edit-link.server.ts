import type { RecordKind } from "../../db/schema";
import { recordById } from "../models/manage.server";
import { getDb } from "./db.server";
import { KIND_PATH } from "./labels";
import { canView } from "./permissions.server";
import { getUser } from "./session.server";

/** The record's edit page, for a signed-in person who may at least look at it there; else null. */
export async function editLinkFor(request: Request, { kind, id, slug }: { kind: RecordKind; id: number; slug: string }) {
  const user = await getUser(request);
  if (!user) return null;
  const record = await recordById(getDb(), id);
  return record && canView(user, record) ? `/${KIND_PATH[kind]}/${slug}/edit` : null;
}
