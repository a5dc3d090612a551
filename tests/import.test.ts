import { strToU8, zipSync } from "fflate";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { exportZip } from "~/models/export.server";
import type { CsvPreview } from "~/models/import.server";
import type { SeedZipResult } from "~/models/seed-import.server";
import { action as importAction, loader as importLoader } from "~/routes/events.import";
import { loader as templateLoader } from "~/routes/events.import_.template[.]csv";
import { action as seedAction, loader as seedLoader } from "~/routes/manage.import";
import { closeDb, getDb } from "~/utils/db.server";
import { addUser, formRequest, getRequest, respond, signInCookie } from "./helpers/auth";
import { setupAuthors } from "./helpers/authoring";

/** Issue 7, item 4: events from a CSV (preview, then all rows or none) and a seeds-format zip for editors. */

let organiser: string;
let editor: string;
let contributor: string;
let member: string;

beforeAll(async () => {
  ({ organiser, editor, contributor } = await setupAuthors());
  await addUser(getDb(), { email: "medlem@example.se", role: "member" });
  member = await signInCookie("medlem@example.se");
});
afterAll(closeDb);

type CsvData = { error?: string; preview?: CsvPreview; csv?: string; organiser?: string };

/** A multipart POST as a browser sends a form with a file input. */
function multipart(url: string, fields: Record<string, string>, cookie: string, file?: { name: string; content: string | Uint8Array; type?: string }) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  if (file) body.append("file", new File([typeof file.content === "string" ? file.content : new Uint8Array(file.content)], file.name, { type: file.type ?? "text/csv" }));
  return new Request(new URL(url, "http://lardom.test"), { method: "POST", body, headers: cookie ? { Cookie: cookie } : {} });
}

const previewCsv = (content: string | Uint8Array, cookie = organiser, fields: Record<string, string> = {}, name = "traffar.csv") =>
  respond(() => importAction({ request: multipart("/events/import", { intent: "preview", ...fields }, cookie, { name, content }), params: {}, context: {} }));
const confirmCsv = (csv: string, cookie = organiser, fields: Record<string, string> = {}) =>
  respond(() => importAction({ request: multipart("/events/import", { intent: "confirm", csv, ...fields }, cookie), params: {}, context: {} }));

const eventCount = async () => Number((await getDb().selectFrom("records").select((eb) => eb.fn.countAll().as("n")).where("kind", "=", "event").executeTakeFirstOrThrow()).n);

/** Everything an import could change, as one string. */
async function fingerprint(): Promise<string> {
  const { rows } = await sql<{ f: string }>`select
    (select group_concat(id || ':' || version || ':' || status || ':' || title, '|') from records) ||
    (select count(*) from revisions) || (select count(*) from lessons) || (select count(*) from record_themes) ||
    (select group_concat(slug || name, '|') from themes) || (select group_concat(slug || name, '|') from organisations) as f`.execute(getDb());
  return rows[0].f;
}

// Semicolons, a BOM, Swedish column names, quoted fields with line breaks and separators inside.
const VALID = [
  "\uFEFFrubrik;sammanfattning;typ;datum;slutdatum;plats;kommun;deltagare;teman;taggar;lärdomar;minnesanteckningar",
  'Importträff ett;Första träffen.;workshop;2026-04-01;;Falun;Falun;12;data-och-sensorer;sensorer|data;"Mät först|Dela sedan";"## Anteckningar\n\nVi pratade; länge."',
  'Importträff två;Andra träffen, med komma.;Studiebesök;2026-04-08;2026-04-09;Borlänge;Borlänge;30;"automation-och-robotisering;data-och-sensorer";;"En lärdom\nEn till lärdom|En tredje";',
  "Importträff tre;Tredje träffen.;webinar;2026-05-01;;Online;Falun;0;kompetensforsorjning;;Kort lärdom;",
].join("\r\n");

describe("CSV import of events", () => {
  it("previews a valid CSV without writing, then imports every row as a draft in one go", async () => {
    const before = await fingerprint();
    const eventsBefore = await eventCount();
    const response = await previewCsv(VALID);
    expect(response.status).toBe(200);
    const data = (await response.json()) as CsvData;
    expect(data.preview?.ok).toBe(true);
    expect(data.preview?.rows.map((r) => [r.row, r.ok, r.title, r.type, r.lessons])).toEqual([
      [2, true, "Importträff ett", "workshop", 2],
      [3, true, "Importträff två", "study-visit", 3],
      [4, true, "Importträff tre", "webinar", 1],
    ]);
    expect(await fingerprint()).toBe(before); // nothing written at the preview

    const confirmed = await confirmCsv(data.csv!);
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("Location")).toBe("/events/import?imported=3");
    expect(await eventCount()).toBe(eventsBefore + 3);

    const db = getDb();
    const rows = await db
      .selectFrom("records as r")
      .innerJoin("organisations as o", "o.id", "r.organisation_id")
      .innerJoin("event_details as d", "d.record_id", "r.id")
      .select(["r.id", "r.slug", "r.status", "r.version", "r.body", "o.slug as org", "d.type", "d.starts_on", "d.ends_on", "d.participant_count"])
      .where("r.title", "like", "Importträff %")
      .orderBy("d.starts_on")
      .execute();
    expect(rows.map((r) => [r.slug, r.status, r.version, r.org, r.type, r.starts_on, r.ends_on, r.participant_count])).toEqual([
      ["importtraff-ett", "draft", 1, "region-dalarna", "workshop", "2026-04-01", null, 12],
      ["importtraff-tva", "draft", 1, "region-dalarna", "study-visit", "2026-04-08", "2026-04-09", 30],
      ["importtraff-tre", "draft", 1, "region-dalarna", "webinar", "2026-05-01", null, 0],
    ]);
    expect(rows[0].body).toBe("## Anteckningar\n\nVi pratade; länge.");
    const lessons = await db.selectFrom("lessons").select("text").where("event_id", "=", rows[1].id).orderBy("position").execute();
    expect(lessons.map((l) => l.text)).toEqual(["En lärdom", "En till lärdom", "En tredje"]);
    const themes = await db
      .selectFrom("record_themes as rt")
      .innerJoin("themes as t", "t.id", "rt.theme_id")
      .select("t.slug")
      .where("rt.record_id", "=", rows[1].id)
      .orderBy("t.slug")
      .execute();
    expect(themes.map((t) => t.slug)).toEqual(["automation-och-robotisering", "data-och-sensorer"]);
    const tags = await db.selectFrom("record_tags").select("tag").where("record_id", "=", rows[0].id).orderBy("tag").execute();
    expect(tags.map((t) => t.tag)).toEqual(["data", "sensorer"]);
    // A first revision like the form's, saying where it came from.
    const revisions = await db.selectFrom("revisions").select(["record_id", "version", "note"]).where("record_id", "in", rows.map((r) => r.id)).execute();
    expect(revisions).toHaveLength(3);
    expect(revisions.every((r) => r.version === 1 && r.note === "Importerad från CSV")).toBe(true);

    const page = await respond(() => importLoader({ request: getRequest("/events/import?imported=3", organiser), params: {}, context: {} }));
    expect(((await page.json()) as { imported: number }).imported).toBe(3);
  });

  it("names every bad row and column, and imports nothing, not even the good rows", async () => {
    const csv = [
      "title,summary,type,date,location,municipality,participants,themes,lessons",
      "Bra rad,Ok.,seminar,2026-06-01,Falun,Falun,10,data-och-sensorer,En lärdom",
      "Dåligt datum,Ok.,fest,2026-02-30,Falun,Falun,10,data-och-sensorer,En lärdom",
      "Okänt tema,Ok.,seminar,2026-06-01,Falun,Falun,10,finns-inte,",
      ",Ok.,seminar,2026-06-01,Falun,,många,data-och-sensorer,En lärdom",
    ].join("\n");
    const before = await fingerprint();
    const response = await previewCsv(csv);
    expect(response.status).toBe(400);
    const data = (await response.json()) as CsvData;
    expect(data.csv).toBeUndefined(); // no way on to confirm
    expect(data.preview?.ok).toBe(false);
    expect(data.preview?.rows.map((r) => [r.row, r.ok])).toEqual([[2, true], [3, false], [4, false], [5, false]]);
    expect(data.preview?.problems.map((p) => [p.row, p.column])).toEqual([
      [3, "type"],
      [3, "date"],
      [4, "lessons"],
      [5, "title"],
      [5, "municipality"],
      [5, "participants"],
    ]);
    expect(data.preview?.problems.find((p) => p.row === 3 && p.column === "date")?.message).toBe("Det datumet finns inte.");

    // With lessons, row 4's unknown theme is named too (a database check, after the form's rules).
    const second = (await (await previewCsv(csv.replace("finns-inte,", "finns-inte,Lärdom"))).json()) as CsvData;
    expect(second.preview?.problems.filter((p) => p.row === 4)).toEqual([{ row: 4, column: "themes", message: 'Okänt tema "finns-inte".' }]);

    // Posting it to the confirm step anyway writes nothing.
    const confirmed = await confirmCsv(csv);
    expect(confirmed.status).toBe(400);
    expect(((await confirmed.json()) as CsvData).preview?.problems).toHaveLength(6);
    expect(await fingerprint()).toBe(before);
  });

  it("checks the CSV again at confirmation: a tampered hidden copy is refused", async () => {
    const csv = "title;summary;type;date;location;municipality;participants;themes;lessons\nÄrlig träff;Ok.;seminar;2026-07-01;Falun;Falun;5;data-och-sensorer;Lärdom\n";
    const data = (await (await previewCsv(csv)).json()) as CsvData;
    expect(data.preview?.ok).toBe(true);
    const before = await fingerprint();
    const tampered = `${data.csv!}Smugglad träff;Ok.;seminar;2026-13-01;Falun;Falun;5;data-och-sensorer;Lärdom\n`;
    const response = await confirmCsv(tampered);
    expect(response.status).toBe(400);
    const refused = (await response.json()) as CsvData;
    expect(refused.error).toMatch(/Inget importerades/);
    expect(refused.preview?.problems).toEqual([{ row: 3, column: "date", message: "Det datumet finns inte." }]);
    expect(await fingerprint()).toBe(before);
  });

  it("writes only for the organiser's own organisation; editors choose one or name it per row", async () => {
    const csv = (organiserCell: string) =>
      `title;summary;type;date;location;municipality;participants;themes;lessons;organiser\nRedaktörsträff;Ok.;seminar;2026-08-01;Falun;Falun;5;data-och-sensorer;Lärdom;${organiserCell}\n`;
    const foreign = (await (await previewCsv(csv("olmeviks-hydraulik"))).json()) as CsvData;
    expect(foreign.preview?.problems).toEqual([{ row: 2, column: "organiser", message: "Du kan bara skriva för din egen organisation." }]);

    const none = (await (await previewCsv(csv(""), editor)).json()) as CsvData;
    expect(none.preview?.problems.map((p) => [p.row, p.column])).toEqual([[2, "organiser"]]);
    const chosen = (await (await previewCsv(csv(""), editor, { organiser: "olmeviks-hydraulik" })).json()) as CsvData;
    expect(chosen.preview?.ok).toBe(true);
    expect(chosen.preview?.rows[0].organiser).toBe("olmeviks-hydraulik");
    const perRow = (await (await previewCsv(csv("region-dalarna"), editor, { organiser: "olmeviks-hydraulik" })).json()) as CsvData;
    expect(perRow.preview?.rows[0].organiser).toBe("region-dalarna");
  });

  it("lets in writers of events only: members and contributors 403, anonymous visitors to sign in", async () => {
    for (const cookie of [member, contributor]) {
      expect((await respond(() => importLoader({ request: getRequest("/events/import", cookie), params: {}, context: {} }))).status).toBe(403);
      expect((await previewCsv(VALID, cookie)).status).toBe(403);
      expect((await respond(() => templateLoader({ request: getRequest("/events/import/template.csv", cookie), params: {}, context: {} }))).status).toBe(403);
    }
    const anon = await previewCsv(VALID, "");
    expect(anon.status).toBe(302);
    expect(anon.headers.get("Location")).toMatch(/^\/login\?/);
    expect(await eventCount()).toBeGreaterThan(0);
  });

  it("offers a template that the importer reads back as one valid row", async () => {
    const response = await respond(() => templateLoader({ request: getRequest("/events/import/template.csv", organiser), params: {}, context: {} }));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for Excel
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.split("\r\n")[0]).toBe("\uFEFFtitle;summary;type;date;end_date;location;municipality;participants;themes;tags;lessons;body;organiser;participating_organisations;language;visibility");
    const data = (await (await previewCsv(bytes, organiser, {}, "lardom-traffar-mall.csv")).json()) as CsvData;
    expect(data.preview?.problems).toEqual([]);
    expect(data.preview?.rows).toHaveLength(1);
    const eventsBefore = await eventCount();
    expect((await confirmCsv(data.csv!)).status).toBe(302);
    expect(await eventCount()).toBe(eventsBefore + 1);
    const lessons = await getDb()
      .selectFrom("lessons as l")
      .innerJoin("records as r", "r.id", "l.event_id")
      .select("l.text")
      .where("r.slug", "=", "workshop-spillvarme-i-praktiken")
      .orderBy("l.position")
      .execute();
    expect(lessons.map((l) => l.text)).toEqual(["Börja med att mäta", "Dela mätdata med grannen"]);
  });

  it("reads a CSV that older Excel saved in Windows-1252", async () => {
    const csv = "rubrik;sammanfattning;typ;datum;plats;kommun;deltagare;teman;lärdomar\r\nTräff på Söder;Åtta företag.;seminarium;2026-10-01;Gävle;Gävle;8;data-och-sensorer;Öppenhet lönar sig\r\n";
    const bytes = Uint8Array.from([...csv].map((c) => ({ ä: 0xe4, ö: 0xf6, Ö: 0xd6, Å: 0xc5 })[c] ?? c.charCodeAt(0)));
    const data = (await (await previewCsv(bytes)).json()) as CsvData;
    expect(data.preview?.problems).toEqual([]);
    expect(data.preview?.rows[0]).toMatchObject({ title: "Träff på Söder", type: "seminar" });
  });

  it("answers every odd upload with a clear 4xx and writes nothing", async () => {
    const before = await fingerprint();
    const cases: [string, Promise<Response>, number, RegExp][] = [
      ["empty file", previewCsv(""), 400, /tom/],
      ["only a header", previewCsv("title;summary\n"), 400, /./],
      ["binary", previewCsv(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]), organiser, {}, "bild.csv"), 400, /ingen textfil/],
      ["a spreadsheet", previewCsv(new Uint8Array([0x50, 0x4b, 3, 4]), organiser, {}, "traffar.xlsx"), 415, /CSV/],
      ["too large", previewCsv("x".repeat(1_100_000)), 413, /för stor/],
      ["huge", previewCsv("x".repeat(3_500_000)), 413, /för stor/],
      ["unclosed quote", previewCsv('title;summary\n"Öppet;citat\n'), 400, /citattecknen/],
      ["no file", respond(() => importAction({ request: multipart("/events/import", { intent: "preview" }, organiser), params: {}, context: {} })), 400, /Välj en fil/],
      ["an empty plain form", respond(() => importAction({ request: formRequest("/events/import", {}, organiser), params: {}, context: {} })), 400, /Välj en fil/],
      ["confirm without CSV", confirmCsv(""), 400, /saknas/],
      ["not a form at all", respond(() => importAction({ request: new Request("http://lardom.test/events/import", { method: "POST", body: "{}", headers: { Cookie: organiser, "Content-Type": "application/json" } }), params: {}, context: {} })), 415, /formuläret/],
    ];
    for (const [what, pending, status, message] of cases) {
      const response = await pending;
      expect(response.status, what).toBe(status);
      const data = (await response.json()) as CsvData;
      const text = data.error ?? data.preview?.problems.map((p) => p.message).join(" ") ?? "";
      expect(text, what).toMatch(message);
    }
    expect(await fingerprint()).toBe(before);
  });
});

describe("seeds-format zip import for editors", () => {
  const eventFile = (title: string, theme = "data-och-sensorer") =>
    `---\ntitle: ${title}\nsummary: Inläst från zip.\nthemes: [${theme}]\ntype: seminar\ndate: '2026-09-01'\nlocation: Falun\nmunicipality: Falun\norganiser: region-dalarna\nparticipants: 8\nlessons:\n  - En lärdom från zip.\n---\n\nAnteckningar.\n`;
  const uploadZip = (content: Uint8Array, cookie = editor, name = "seeds.zip") =>
    respond(() => seedAction({ request: multipart("/manage/import", {}, cookie, { name, content, type: "application/zip" }), params: {}, context: {} }));

  it("loads a zip (also one with a folder around it) and reports the counts", async () => {
    const zip = zipSync({
      "export/organisations.yaml": strToU8("- slug: zip-verkstan\n  name: Zipverkstan AB\n  kind: company\n  municipality: Falun\n  county: Dalarna\n"),
      "export/events/zip-seminarium.md": strToU8(eventFile("Seminarium från zip")),
    });
    const response = await uploadZip(zip);
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as { result: SeedZipResult };
    expect(result).toEqual({ ok: true, counts: { themes: 0, organisations: 1, practices: 0, events: 1, activities: 0, paths: 0, assessments: 0 } });
    const record = await getDb().selectFrom("records").select(["title", "status"]).where("kind", "=", "event").where("slug", "=", "zip-seminarium").executeTakeFirstOrThrow();
    expect(record).toEqual({ title: "Seminarium från zip", status: "published" });
  });

  it("loads the export's own zip back (idempotent by slug)", async () => {
    const { zip } = await exportZip(getDb());
    const response = await uploadZip(zip);
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as { result: SeedZipResult };
    expect(result.ok && result.counts.events).toBeGreaterThan(5);
    expect(result.ok && result.counts.themes).toBeGreaterThan(5);
  });

  it("names every problem by file and field and leaves the database unchanged", async () => {
    const before = await fingerprint();
    const zip = zipSync({
      "events/zip-bra.md": strToU8(eventFile("Ska inte komma in")),
      "events/zip-trasig.md": strToU8("---\ntitle: Trasig\nsummary: x\nthemes: [data-och-sensorer]\ntype: fest\n---\n\nText.\n"),
      "events/zip-tema.md": strToU8(eventFile("Okänt tema", "finns-inte")),
    });
    const response = await uploadZip(zip);
    expect(response.status).toBe(400);
    const { result } = (await response.json()) as { result: SeedZipResult };
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.map((p) => `${p.file}: ${p.field}`);
    expect(problems).toEqual(expect.arrayContaining(["events/zip-trasig.md: type", "events/zip-trasig.md: date", "events/zip-trasig.md: lessons"]));
    expect(await fingerprint()).toBe(before);

    // The database checks come after the files are valid: the unknown theme, named by file and field.
    const second = await uploadZip(zipSync({ "events/zip-bra.md": strToU8(eventFile("Ska inte komma in")), "events/zip-tema.md": strToU8(eventFile("Okänt tema", "finns-inte")) }));
    const secondResult = ((await second.json()) as { result: SeedZipResult }).result;
    expect(secondResult.ok ? [] : secondResult.problems.map((p) => `${p.file}: ${p.field}`)).toEqual(["events/zip-tema.md: themes[0]"]);
    expect(await fingerprint()).toBe(before);
  });

  it("refuses paths that climb out or are absolute, and files that are not zips", async () => {
    const before = await fingerprint();
    for (const name of ["../utanfor.md", "events/../../utanfor.md", "/etc/lardom.md"]) {
      const response = await uploadZip(zipSync({ [name]: strToU8("x"), "events/zip-ok.md": strToU8(eventFile("Ok")) }));
      expect(response.status, name).toBe(400);
      const { result } = (await response.json()) as { result: SeedZipResult };
      expect(result.ok ? "" : result.problems[0].message, name).toMatch(/Otillåten sökväg/);
    }
    const notZip = await uploadZip(strToU8("inte en zip"));
    expect(notZip.status).toBe(400);
    const empty = await uploadZip(new Uint8Array(0));
    expect(empty.status).toBe(400);
    expect(await fingerprint()).toBe(before);
  });

  it("is for editors: organisers and members 403, anonymous visitors to sign in", async () => {
    const zip = zipSync({ "events/zip-obehorig.md": strToU8(eventFile("Obehörig")) });
    for (const cookie of [organiser, member]) {
      expect((await uploadZip(zip, cookie)).status).toBe(403);
      expect((await respond(() => seedLoader({ request: getRequest("/manage/import", cookie), params: {}, context: {} }))).status).toBe(403);
    }
    const anon = await uploadZip(zip, "");
    expect(anon.headers.get("Location")).toMatch(/^\/login\?/);
    expect(await getDb().selectFrom("records").select("id").where("slug", "=", "zip-obehorig").executeTakeFirst()).toBeUndefined();
  });
});
