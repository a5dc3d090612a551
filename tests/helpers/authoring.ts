import type { ActionFunctionArgs } from "@remix-run/node";

import { migrateToLatest } from "../../db/migrator";
import { loadSeedDirectory } from "../../seeds/loader";
import { getDb } from "~/utils/db.server";
import { addUser, formRequest, respond, signInCookie } from "./auth";
import { DEMO_SEEDS } from "./db";

/** The people of the authoring tests, signed in: their cookies. */
export interface Authors {
  /** A contributor of Ölmeviks Hydraulik. */
  contributor: string;
  /** A contributor of another company. */
  other: string;
  editor: string;
  /** An organiser of Region Dalarna. */
  organiser: string;
}

/** Migrates and seeds this test file's database and signs in one person per part. */
export async function setupAuthors(): Promise<Authors> {
  const db = getDb();
  await migrateToLatest(db);
  await loadSeedDirectory(db, DEMO_SEEDS);
  await addUser(db, { email: "skribent@example.se", role: "contributor", organisation: "olmeviks-hydraulik" });
  await addUser(db, { email: "annan@example.se", role: "contributor", organisation: "hyttberga-mekaniska" });
  await addUser(db, { email: "redaktor@example.se", role: "editor" });
  await addUser(db, { email: "arrangor@example.se", role: "organiser", organisation: "region-dalarna" });
  const [contributor, other, editor, organiser] = await Promise.all(
    ["skribent@example.se", "annan@example.se", "redaktor@example.se", "arrangor@example.se"].map((e) => signInCookie(e)),
  );
  return { contributor, other, editor, organiser };
}

/** A complete practice form, with changes. */
export const practice = (over: Record<string, string | string[]> = {}) => ({
  title: "Spillvärme åt Ölme – steg för steg",
  summary: "Hur vi tog vara på värmen från härdugnarna.",
  body: "Vi började med **mätningar**.",
  themes: ["data-och-sensorer"],
  tags: "Energi, spillvärme, energi",
  organisation: "olmeviks-hydraulik",
  problem: "Värmen gick rakt ut.",
  intent: "save",
  ...over,
});

type Action = (args: ActionFunctionArgs) => Promise<Response>;

/** Posts a form to an action as a browser would, and returns its response, thrown or not. */
export const post = (action: Action, url: string, fields: Record<string, string | string[]>, cookie: string, params = {}) =>
  respond(() => action({ request: formRequest(url, fields, cookie), params, context: {} }));

export async function storedPractice(slug: string) {
  return getDb().selectFrom("records").selectAll().where("kind", "=", "practice").where("slug", "=", slug).executeTakeFirstOrThrow();
}
