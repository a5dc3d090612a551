import { describe, expect, it } from "vitest";

import { continueReading } from "~/models/progress.server";
import { action, loader } from "~/routes/paths.$slug";
import { loader as markdownLoader } from "~/routes/paths.$slug_.markdown";
import { loader as printLoader } from "~/routes/paths.$slug_.print";
import { getDb } from "~/utils/db.server";
import { withSeededApp } from "./helpers/app-db";
import { addUser, formRequest, getRequest, respond, signInCookie } from "./helpers/auth";

withSeededApp();

const SLUG = "prediktivt-underhall-steg-for-steg";
const url = `/paths/${SLUG}`;

type Page = { path: { id: number; steps: { recordId: number; title: string; optional: boolean }[] }; done: number[] };
async function page(cookie?: string): Promise<Page> {
  return (await (await loader({ request: getRequest(url, cookie), params: { slug: SLUG }, context: {} })).json()) as Page;
}
const mark = (cookie: string | undefined, record: number, done: "yes" | "no") =>
  respond(() => action({ request: formRequest(url, { record: String(record), done }, cookie), params: { slug: SLUG }, context: {} }));

describe("reading progress", () => {
  it("is each reader's own, survives signing out and in, and a removed step stops counting", async () => {
    const db = getDb();
    await addUser(db, { email: "lasare1@test.se", role: "member" });
    await addUser(db, { email: "lasare2@test.se", role: "member" });
    const one = await signInCookie("lasare1@test.se");
    const two = await signInCookie("lasare2@test.se");
    const { path } = await page(one);
    const [first, second] = path.steps;

    const marked = await mark(one, first.recordId, "yes");
    expect(marked.status).toBe(302);
    expect(marked.headers.get("Location")).toBe(`${url}#step-${first.recordId}`);
    await mark(one, second.recordId, "yes");
    await mark(one, second.recordId, "no");
    expect((await page(one)).done).toEqual([first.recordId]);
    expect((await page(two)).done).toEqual([]);

    // A new session of the same reader sees the same progress.
    const again = await signInCookie("lasare1@test.se");
    expect((await page(again)).done).toEqual([first.recordId]);

    // Continue where you left off: the next unread required step.
    const user = await db.selectFrom("users").select("id").where("email", "=", "lasare1@test.se").executeTakeFirstOrThrow();
    const [item] = await continueReading(db, { userId: user.id, access: { members: true } });
    expect(item).toMatchObject({ path: { slug: SLUG }, done: 1, total: path.steps.length });
    expect(item.next.title).toBe(path.steps.find((s) => s.recordId !== first.recordId && !s.optional)!.title);

    // The editor removes the step the reader had read: the path still shows, counting only its steps.
    await db.deleteFrom("path_steps").where("path_id", "=", path.id).where("record_id", "=", first.recordId).execute();
    const after = await page(one);
    expect(after.path.steps.map((s) => s.recordId)).not.toContain(first.recordId);
    const [later] = await continueReading(db, { userId: user.id, access: { members: true } });
    expect(later?.total ?? after.path.steps.length).toBe(after.path.steps.length);
    expect(later?.done ?? 0).toBe(0);
  });

  it("refuses visitors, a record that is not a step, and a malformed form, writing nothing", async () => {
    const db = getDb();
    await addUser(db, { email: "lasare3@test.se", role: "member" });
    const cookie = await signInCookie("lasare3@test.se");
    const count = async () => (await db.selectFrom("path_progress").select("user_id").execute()).length;
    const before = await count();
    const { path } = await page();
    const anon = await mark(undefined, path.steps[0].recordId, "yes");
    expect(anon.status).toBe(302);
    expect(anon.headers.get("Location")).toMatch(/^\/login\?/);
    const outside = await db.selectFrom("records").select("id").where("id", "not in", path.steps.map((s) => s.recordId)).executeTakeFirstOrThrow();
    expect((await mark(cookie, outside.id, "yes")).status).toBe(400);
    expect((await mark(cookie, path.steps[0].recordId, "maybe" as "yes")).status).toBe(400);
    expect(await count()).toBe(before);
  });
});

describe("print view and Markdown export", () => {
  it("hold every step in order, with its text", async () => {
    const { path } = await page();
    const print = (await (await printLoader({ request: getRequest(`${url}/print`), params: { slug: SLUG }, context: {} })).json()) as {
      path: Page["path"];
      html: Record<string, string>;
    };
    expect(print.path.steps.map((s) => s.title)).toEqual(path.steps.map((s) => s.title));
    for (const s of path.steps) expect(print.html[s.recordId].length).toBeGreaterThan(50);

    const response = await markdownLoader({ request: getRequest(`${url}/markdown`), params: { slug: SLUG }, context: {} });
    expect(response.headers.get("Content-Type")).toContain("text/markdown");
    expect(response.headers.get("Content-Disposition")).toContain(`${SLUG}.md`);
    const markdown = await response.text();
    let last = -1;
    for (const [i, s] of path.steps.entries()) {
      const at = markdown.indexOf(`## ${i + 1}. ${s.title}`);
      expect(at, s.title).toBeGreaterThan(last);
      last = at;
    }
    expect(markdown).toContain(`http://lardom.test/paths/${SLUG}`);
  });
});
