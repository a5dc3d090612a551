import type { ActionFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { migrateToLatest } from "../db/migrator";
import { loadSeedDirectory } from "../seeds/loader";
import { reviewQueue, staleRecords } from "~/models/manage.server";
import { action as editOrganisationAction } from "~/routes/manage.organisations.$slug";
import { action as newOrganisationAction } from "~/routes/manage.organisations._index";
import { action as editThemeAction } from "~/routes/manage.themes.$slug";
import { action as newThemeAction } from "~/routes/manage.themes._index";
import { action as usersAction } from "~/routes/manage.users._index";
import { closeDb, getDb } from "~/utils/db.server";
import { getUser } from "~/utils/session.server";
import { addUser, formRequest, getRequest, respond, signInCookie } from "./helpers/auth";
import { DEMO_SEEDS } from "./helpers/db";

let editor: string;
let admin: string;
let adminId: number;

beforeAll(async () => {
  const db = getDb();
  await migrateToLatest(db);
  await loadSeedDirectory(db, DEMO_SEEDS);
  await addUser(db, { email: "redaktor@example.se", role: "editor" });
  adminId = await addUser(db, { email: "admin@example.se", role: "admin" });
  [editor, admin] = await Promise.all([signInCookie("redaktor@example.se"), signInCookie("admin@example.se")]);
});
afterAll(closeDb);

type Action = (args: ActionFunctionArgs) => Promise<Response>;
const post = (action: Action, url: string, fields: Record<string, string>, cookie: string, params = {}) =>
  respond(() => action({ request: formRequest(url, fields, cookie), params, context: {} }));
const errors = async (response: Response) => ((await response.json()) as { error: Record<string, string[]> }).error;

describe("themes", () => {
  it("an editor adds a child theme under a top theme; the slug comes from the name", async () => {
    const response = await post(newThemeAction, "/manage/themes", { name: "Värme & kyla", name_en: "Heating and cooling", parent: "digitalisering-och-automation", position: "3" }, editor);
    expect(response.status).toBe(302);
    const theme = await getDb().selectFrom("themes").selectAll().where("slug", "=", "varme-kyla").executeTakeFirstOrThrow();
    expect(theme).toMatchObject({ level: 2, position: 3, name: "Värme & kyla" });
  });

  it("keeps two levels: no grandchildren, and a theme with children stays on top", async () => {
    const deep = await post(newThemeAction, "/manage/themes", { name: "Djup", name_en: "Deep", parent: "varme-kyla" }, editor);
    expect(deep.status).toBe(400);
    expect((await errors(deep)).parent[0]).toMatch(/två nivåer/);
    const params = { slug: "digitalisering-och-automation" };
    const move = await post(editThemeAction, "/manage/themes/digitalisering-och-automation", { name: "Digitalisering", name_en: "Digitalisation", parent: "processmognad-och-fornyelse" }, editor, params);
    expect(move.status).toBe(400);
    expect((await errors(move)).parent[0]).toMatch(/egna underteman/);
    const unchanged = await getDb().selectFrom("themes").select(["name", "level"]).where("slug", "=", "digitalisering-och-automation").executeTakeFirstOrThrow();
    expect(unchanged.level).toBe(1);
    expect(unchanged.name).not.toBe("Digitalisering");
  });
});

describe("organisations", () => {
  it("an editor adds and renames an organisation; bad input is a field error", async () => {
    expect((await post(newOrganisationAction, "/manage/organisations", { name: "Ny AB", kind: "company", municipality: "Mora", county: "Skåne" }, editor)).status).toBe(400);
    expect((await post(newOrganisationAction, "/manage/organisations", { name: "Ny AB", kind: "company", municipality: "Mora", county: "Dalarna" }, editor)).status).toBe(302);
    const params = { slug: "ny-ab" };
    expect((await post(editOrganisationAction, "/manage/organisations/ny-ab", { name: "Nyare AB", kind: "company", municipality: "Mora", county: "Dalarna" }, editor, params)).status).toBe(302);
    const org = await getDb().selectFrom("organisations").select(["slug", "name"]).where("slug", "=", "ny-ab").executeTakeFirstOrThrow();
    expect(org.name).toBe("Nyare AB");
  });
});

describe("accounts and roles", () => {
  it("an admin creates an account and changes its role, which ends its sessions", async () => {
    const created = await post(usersAction, "/manage/users", { intent: "create", email: "ny@example.se", name: "Ny Person", role: "member", password: "ett långt lösenord" }, admin);
    expect(created.status).toBe(302);
    const user = await getDb().selectFrom("users").select("id").where("email", "=", "ny@example.se").executeTakeFirstOrThrow();
    const cookie = await signInCookie("ny@example.se", "ett långt lösenord");
    expect((await getUser(getRequest("/", cookie)))?.role).toBe("member");
    const changed = await post(usersAction, "/manage/users", { userId: String(user.id), role: "contributor", organisation: "olmeviks-hydraulik" }, admin);
    expect(changed.status).toBe(302);
    expect(await getUser(getRequest("/", cookie))).toBeNull();
    const again = await signInCookie("ny@example.se", "ett långt lösenord");
    expect(await getUser(getRequest("/", again))).toMatchObject({ role: "contributor", organisationName: "Ölmeviks Hydraulik AB" });
  });

  it("refuses a short password, a taken address, and an admin demoting themselves", async () => {
    const short = await post(usersAction, "/manage/users", { intent: "create", email: "kort@example.se", name: "K", role: "member", password: "kort" }, admin);
    expect(short.status).toBe(400);
    const taken = await post(usersAction, "/manage/users", { intent: "create", email: "ny@example.se", name: "K", role: "member", password: "ett långt lösenord" }, admin);
    expect(taken.status).toBe(400);
    const self = await post(usersAction, "/manage/users", { userId: String(adminId), role: "member" }, admin);
    expect(self.status).toBe(400);
    expect((await getDb().selectFrom("users").select("role").where("id", "=", adminId).executeTakeFirstOrThrow()).role).toBe("admin");
  });
});

describe("the editors' lists", () => {
  it("the queue holds what waits for review; the reminder what is past its review-by date", async () => {
    const db = getDb();
    await db.updateTable("records").set({ status: "review" }).where("slug", "=", "region-varmland-industrikartan").execute();
    await db.updateTable("records").set({ review_by: "2026-01-01" }).where("slug", "=", "hyttberga-lean-i-svetsverkstaden").execute();
    await db.updateTable("records").set({ review_by: "2099-01-01" }).where("slug", "=", "avesta-snabbspar-for-industrimark").execute();
    expect((await reviewQueue(db)).map((r) => r.slug)).toEqual(["region-varmland-industrikartan"]);
    expect((await staleRecords(db, { today: "2026-11-25" })).map((r) => r.slug)).toEqual(["hyttberga-lean-i-svetsverkstaden"]);
  });
});
