import type { ActionFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { migrateToLatest } from "../db/migrator";
import { loadSeedDirectory } from "../seeds/loader";
import { getPath } from "~/models/path.server";
import { action as editPathAction, loader as editPathLoader } from "~/routes/paths.$slug_.edit";
import { action as newPathAction } from "~/routes/paths.new";
import { closeDb, getDb } from "~/utils/db.server";
import { addUser, formRequest, getRequest, respond, signInCookie } from "./helpers/auth";
import { DEMO_SEEDS } from "./helpers/db";

let editor: string;
let contributor: string;

beforeAll(async () => {
  const db = getDb();
  await migrateToLatest(db);
  await loadSeedDirectory(db, DEMO_SEEDS);
  await addUser(db, { email: "redaktor@example.se", role: "editor" });
  await addUser(db, { email: "skribent@example.se", role: "contributor", organisation: "olmeviks-hydraulik" });
  [editor, contributor] = await Promise.all([signInCookie("redaktor@example.se"), signInCookie("skribent@example.se")]);
});
afterAll(closeDb);

type Action = (args: ActionFunctionArgs) => Promise<Response>;
const post = (action: Action, url: string, fields: Record<string, string>, cookie: string, params = {}) =>
  respond(() => action({ request: formRequest(url, fields, cookie), params, context: {} }));

const path = (over: Record<string, string> = {}) => ({
  title: "Lärväg om värme",
  summary: "Från exempel till kurs.",
  theme: "data-och-sensorer",
  audience: "Produktionschefer",
  status: "published",
  "steps[0].entry": "practices/grasmyrens-smide-varmeatervinning-ur-smidesugnar",
  "steps[0].note": "Börja här.",
  "steps[1].entry": "activities/energikartlaggning-for-produktionsledare",
  "steps[1].optional": "on",
  ...over,
});

describe("reading paths", () => {
  it("an editor creates a path whose steps readers then see in order", async () => {
    const response = await post(newPathAction, "/paths/new", path(), editor);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/paths/larvag-om-varme/edit?saved=1");
    const shown = await getPath(getDb(), { slug: "larvag-om-varme", access: { members: false } });
    expect(shown?.steps.map((s) => [s.slug, s.note, s.optional])).toEqual([
      ["grasmyrens-smide-varmeatervinning-ur-smidesugnar", "Börja här.", false],
      ["energikartlaggning-for-produktionsledare", "", true],
    ]);
  });

  it("refuses unknown and repeated steps as field errors, and other roles with 403", async () => {
    const unknown = await post(newPathAction, "/paths/new", path({ "steps[1].entry": "events/finns-inte" }), editor);
    expect(unknown.status).toBe(400);
    const repeated = await post(newPathAction, "/paths/new", path({ "steps[1].entry": "practices/grasmyrens-smide-varmeatervinning-ur-smidesugnar" }), editor);
    const errors = ((await repeated.json()) as { result: { error: Record<string, string[]> } }).result.error;
    expect(errors["steps[1].entry"]).toEqual(["Materialet finns redan i lärvägen."]);
    expect((await post(newPathAction, "/paths/new", path(), contributor)).status).toBe(403);
    const count = await getDb().selectFrom("paths").select((eb) => eb.fn.countAll<number>().as("n")).where("title", "=", "Lärväg om värme").executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("refuses a save against an old version with 409 and writes nothing", async () => {
    const params = { slug: "larvag-om-varme" };
    const url = "/paths/larvag-om-varme/edit";
    const page = (await (await editPathLoader({ request: getRequest(url, editor), params, context: {} })).json()) as { path: { version: number } };
    expect(page.path.version).toBe(1);
    expect((await post(editPathAction, url, path({ title: "Första", version: "1" }), editor, params)).status).toBe(302);
    const second = await post(editPathAction, url, path({ title: "Andra", version: "1" }), editor, params);
    expect(second.status).toBe(409);
    const row = await getDb().selectFrom("paths").select(["title", "version"]).where("slug", "=", "larvag-om-varme").executeTakeFirstOrThrow();
    expect(row).toEqual({ title: "Första", version: 2 });
  });
});
