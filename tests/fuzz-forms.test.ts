import type { ActionFunctionArgs } from "@remix-run/node";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { action as newActivityAction } from "~/routes/activities.new";
import { action as loginAction } from "~/routes/login";
import { action as editPracticeAction } from "~/routes/practices.$slug_.edit";
import { action as newEventAction } from "~/routes/events.new";
import { action as newOrganisationAction } from "~/routes/manage.organisations._index";
import { action as newThemeAction } from "~/routes/manage.themes._index";
import { action as usersAction } from "~/routes/manage.users._index";
import { action as newPathAction } from "~/routes/paths.new";
import { action as newPracticeAction } from "~/routes/practices.new";
import { action as workflowAction } from "~/routes/records.$id.workflow";
import { closeDb, getDb } from "~/utils/db.server";
import { addUser, respond, signInCookie } from "./helpers/auth";
import { setupAuthors } from "./helpers/authoring";

/**
 * Whatever a form is sent (any field names, any text, lists where text is expected, stray
 * Conform intents), the answer is a redirect after a save or a 4xx: never a 500.
 */
let admin: string;
let editor: string;

beforeAll(async () => {
  ({ editor } = await setupAuthors());
  await addUser(getDb(), { email: "admin@example.se", role: "admin" });
  admin = await signInCookie("admin@example.se");
});
afterAll(closeDb);

const FIELD_NAMES = [
  "title", "summary", "body", "themes", "tags", "language", "visibility", "review_by", "organisation", "problem",
  "type", "date", "end_date", "location", "municipality", "organiser", "participants", "participating_organisations",
  "lessons[0]", "lessons[1]", "lessons", "provider", "format", "level", "hours", "skills", "start_date", "intent",
  "version", "theme", "steps[0].entry", "steps[0].optional", "steps", "name", "name_en", "parent", "position", "kind",
  "county", "email", "role", "password", "userId", "disabled", "comment", "__intent__",
];

const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", " ", "0", "-1", "1e309", "2025-02-30", "2026-01-01", "data-och-sensorer", "olmeviks-hydraulik",
    "practices/finns-inte", "save", "preview", "submit", "publish", "on", "null", "[]", "{}", "admin", "\u0000",
    '{"type":"insert","payload":{"name":"lessons"}}', '{"type":"remove","payload":{"name":"lessons","index":5}}'),
);
const form = fc.array(fc.tuple(fc.constantFrom(...FIELD_NAMES), value), { maxLength: 25 });

type Action = (args: ActionFunctionArgs) => Promise<Response>;

async function send(action: Action, url: string, fields: [string, string][], cookie: string, params = {}) {
  const body = new URLSearchParams(fields);
  const request = new Request(new URL(url, "http://lardom.test"), {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
  });
  return respond(() => action({ request, params, context: {} }));
}

describe("random forms", () => {
  const targets: [string, Action, string, () => string][] = [
    ["practice", newPracticeAction, "/practices/new", () => editor],
    ["event", newEventAction, "/events/new", () => editor],
    ["activity", newActivityAction, "/activities/new", () => editor],
    ["path", newPathAction, "/paths/new", () => editor],
    ["theme", newThemeAction, "/manage/themes", () => editor],
    ["organisation", newOrganisationAction, "/manage/organisations", () => editor],
    ["account", usersAction, "/manage/users", () => admin],
  ];
  for (const [name, action, url, cookie] of targets) {
    it(`${name}: never a 500`, async () => {
      await fc.assert(
        fc.asyncProperty(form, async (fields) => {
          const response = await send(action, url, fields, cookie());
          expect([200, 302, 400, 404, 409]).toContain(response.status);
        }),
        { numRuns: 150 },
      );
    });
  }

  it("editing: never a 500", async () => {
    const params = { slug: "hyttberga-lean-i-svetsverkstaden" };
    await fc.assert(
      fc.asyncProperty(form, async (fields) => {
        const response = await send(editPracticeAction, `/practices/${params.slug}/edit`, fields, editor, params);
        expect([200, 302, 400, 409]).toContain(response.status);
      }),
      { numRuns: 150 },
    );
  });

  it("signing in: never a 500", async () => {
    await fc.assert(
      fc.asyncProperty(form, async (fields) => {
        const response = await send(loginAction, "/login", fields, "");
        expect([302, 400, 429]).toContain(response.status);
      }),
      { numRuns: 60 },
    );
  });

  it("workflow: never a 500", async () => {
    const { id } = await getDb().selectFrom("records").select("id").orderBy("id").executeTakeFirstOrThrow();
    await fc.assert(
      fc.asyncProperty(form, async (fields) => {
        const response = await send(workflowAction, `/records/${id}/workflow`, fields, editor, { id: String(id) });
        expect([302, 400, 403, 409]).toContain(response.status);
      }),
      { numRuns: 150 },
    );
  });

  it("a body that is not a form is refused with 415", async () => {
    const request = new Request("http://lardom.test/practices/new", {
      method: "POST",
      body: JSON.stringify({ title: "x" }),
      headers: { "Content-Type": "application/json", Cookie: editor },
    });
    const response = await respond(() => newPracticeAction({ request, params: {}, context: {} }));
    expect(response.status).toBe(415);
  });
});
