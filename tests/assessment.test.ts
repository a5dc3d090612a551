import { describe, expect, it } from "vitest";

import { getQuestionnaire, recommendationFor } from "~/models/assessment.server";
import { action as editAction, loader as editLoader } from "~/routes/manage.assessments.$slug";
import { action, loader } from "~/routes/themes.$slug_.assessment";
import { getDb } from "~/utils/db.server";
import { maturityLevel } from "~/utils/maturity";
import { withSeededApp } from "./helpers/app-db";
import { addUser, formRequest, getRequest, respond, signInCookie } from "./helpers/auth";

withSeededApp();

const THEME = "processmognad-och-fornyelse";
const url = `/themes/${THEME}/assessment`;

async function questionnaire() {
  const q = await getQuestionnaire(getDb(), { themeSlug: THEME });
  if (!q || q.questions.length < 4) throw new Error("the demo content should have a questionnaire for the theme");
  return q;
}

/** The form a reader posts: answer i for question i. */
async function answers(levels: number[]) {
  const q = await questionnaire();
  return Object.fromEntries(q.questions.map((question, i) => [`q${question.id}`, String(levels[i % levels.length])]));
}

async function submit(levels: number[], cookie?: string) {
  const form = await answers(levels);
  const response = await respond(() => action({ request: formRequest(url, form, cookie), params: { slug: THEME }, context: {} }));
  return { status: response.status, body: (await response.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe("the level", () => {
  it.each([
    [[1, 1, 1, 1, 1], 1],
    [[5, 5, 5, 5, 5], 5],
    [[1, 2, 3, 4, 5], 3],
    [[2, 2, 5, 5], 2],
    [[4, 4, 4, 1], 4],
    [[1, 5], 1],
    [[3], 3],
    [[5, 1, 5, 1, 5], 5],
  ])("of answers %j is the lower median, %i", (given, level) => {
    expect(maturityLevel(given)).toBe(level);
  });
});

describe("taking the self-assessment", () => {
  it("gives an anonymous reader the documented level and advice, without saving", async () => {
    const db = getDb();
    const before = await db.selectFrom("assessment_results").select("id").execute();
    const q = await questionnaire();
    const levels = q.questions.map((_, i) => [1, 2, 3, 4, 5][i % 5]);
    const { status, body } = await submit(levels);
    expect(status).toBe(200);
    expect(body.result.level).toBe(maturityLevel(levels));
    expect(body.result.saved).toBe(false);
    expect(body.result.recommendation.nextLevel).toBe(body.result.level + 1);
    expect(body.result.recommendation.records.length).toBeGreaterThan(0);
    expect(await db.selectFrom("assessment_results").select("id").execute()).toHaveLength(before.length);
  });

  it("refuses a missing or impossible answer with a 400 naming the question, saving nothing", async () => {
    const db = getDb();
    const before = await db.selectFrom("assessment_results").select("id").execute();
    const q = await questionnaire();
    const form = await answers([3]);
    delete form[`q${q.questions[0].id}`];
    form[`q${q.questions[1].id}`] = "7";
    const response = await respond(() => action({ request: formRequest(url, form), params: { slug: THEME }, context: {} }));
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: Record<string, string> };
    expect(Object.keys(errors).sort()).toEqual([`q${q.questions[0].id}`, `q${q.questions[1].id}`].sort());
    expect(await db.selectFrom("assessment_results").select("id").execute()).toHaveLength(before.length);
  });

  it("recommends different material for different levels", async () => {
    const access = { members: false };
    const low = await recommendationFor(getDb(), { themeSlug: THEME, level: 1, access });
    const high = await recommendationFor(getDb(), { themeSlug: THEME, level: 4, access });
    expect(low.nextLevel).toBe(2);
    expect(high.nextLevel).toBe(5);
    expect(low.advice).not.toBe(high.advice);
    expect(low.records.map((r) => r.id)).not.toEqual(high.records.map((r) => r.id));
    // Newcomers start with examples; the mature are pointed at what others applied or at advanced courses.
    expect(low.records[0].kind).toBe("practice");
    for (const r of high.records.filter((x) => x.kind === "activity")) expect(["intermediate", "advanced"]).toContain(r.level);
  });

  it("keeps a signed-in reader's results, theirs alone", async () => {
    const db = getDb();
    await addUser(db, { email: "anna@test.se", role: "member" });
    await addUser(db, { email: "bo@test.se", role: "member" });
    const anna = await signInCookie("anna@test.se");
    const bo = await signInCookie("bo@test.se");
    expect((await submit([2], anna)).body.result).toMatchObject({ level: 2, saved: true });
    expect((await submit([4], anna)).body.result).toMatchObject({ level: 4, saved: true });
    const page = async (cookie: string) =>
      (await (await loader({ request: getRequest(url, cookie), params: { slug: THEME }, context: {} })).json()) as {
        earlier: { level: number }[];
      };
    expect((await page(anna)).earlier.map((r) => r.level)).toEqual([4, 2]);
    expect((await page(bo)).earlier).toEqual([]);
  });

  it("answers a theme without a questionnaire with a 404", async () => {
    const child = await getDb().selectFrom("themes").select("slug").where("level", "=", 2).executeTakeFirstOrThrow();
    const response = await respond(() => loader({ request: getRequest(`/themes/${child.slug}/assessment`), params: { slug: child.slug }, context: {} }));
    expect(response.status).toBe(404);
  });
});

describe("editing the questionnaire", () => {
  async function editForm(overrides: Record<string, string> = {}) {
    const q = await questionnaire();
    const fields: Record<string, string> = { version: String(q.version), intro: q.intro, slots: String(q.questions.length + 1) };
    q.questions.forEach((question, i) => {
      fields[`q${i}.text`] = question.text;
      question.levels.forEach((l, n) => (fields[`q${i}.level${n + 1}`] = l));
    });
    return { ...fields, ...overrides };
  }
  const post = async (fields: Record<string, string>, cookie?: string) =>
    respond(() => editAction({ request: formRequest(`/manage/assessments/${THEME}`, fields, cookie), params: { slug: THEME }, context: {} }));

  it("is for editors only: members get 403, visitors are sent to sign in, nothing changes", async () => {
    const db = getDb();
    await addUser(db, { email: "medlem@test.se", role: "member" });
    const member = await signInCookie("medlem@test.se");
    const before = await questionnaire();
    const changed = await editForm({ "q0.text": "Ändrad av fel person" });
    expect((await post(changed, member)).status).toBe(403);
    expect((await post(changed)).status).toBe(302);
    const get = await respond(() => editLoader({ request: getRequest(`/manage/assessments/${THEME}`, member), params: { slug: THEME }, context: {} }));
    expect(get.status).toBe(403);
    expect(await questionnaire()).toEqual(before);
  });

  it("lets an editor add a question, refuses a half-written one, and refuses a stale save", async () => {
    const db = getDb();
    await addUser(db, { email: "redaktor@test.se", role: "editor" });
    const editor = await signInCookie("redaktor@test.se");
    const before = await questionnaire();
    const n = before.questions.length;

    const half = await post(await editForm({ [`q${n}.text`]: "Ny fråga", [`q${n}.level1`]: "bara ett svar" }), editor);
    expect(half.status).toBe(400);
    expect(((await half.json()) as { errors: Record<string, string> }).errors[`questions.${n}`]).toContain("fem nivåerna");
    expect(await questionnaire()).toEqual(before);

    const stale = await editForm();
    const levels = Object.fromEntries([1, 2, 3, 4, 5].map((l) => [`q${n}.level${l}`, `Svar på nivå ${l}`]));
    const saved = await post(await editForm({ [`q${n}.text`]: "Hur följer ni upp era mål?", ...levels }), editor);
    expect(saved.status).toBe(302);
    const after = await questionnaire();
    expect(after.questions).toHaveLength(n + 1);
    expect(after.questions[n].levels[4]).toBe("Svar på nivå 5");
    expect(after.version).toBe(before.version + 1);

    const conflict = await post({ ...stale, "q0.text": "Sparad på en gammal version" }, editor);
    expect(conflict.status).toBe(409);
    expect((await questionnaire()).questions[0].text).toBe(before.questions[0].text);
  });
});
