import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { unzipSync } from "fflate";
import type { Kysely } from "kysely";

import type { Database } from "../../db/schema";
import { makeT, type Translate } from "../i18n";
import { loadSeedDirectory, SeedError, type SeedCounts, type SeedProblem } from "../../seeds/loader";
import { recordChanged } from "../search/service.server";

/** Importing a whole seeds-format directory, uploaded as a zip by an editor. */

export const ZIP_MAX_BYTES = 10_000_000;
const ZIP_MAX_UNPACKED = 50_000_000;

export type SeedZipResult =
  | { ok: true; counts: SeedCounts }
  | { ok: false; problems: SeedProblem[] };

/**
 * Unpacks a zip of a seeds-format directory into a temporary directory and loads it with the
 * seed loader (all or nothing, by slug). A zip whose files all sit in one folder is read from
 * that folder. Entries with `..` or absolute paths refuse the whole zip.
 */
export async function importSeedZip(db: Kysely<Database>, bytes: Uint8Array, t: Translate = makeT("sv")): Promise<SeedZipResult> {
  const refuse = (message: string, file = "zip"): SeedZipResult => ({ ok: false, problems: [{ file, field: "", message }] });
  let entries: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        unpacked += f.originalSize;
        if (unpacked > ZIP_MAX_UNPACKED) throw new Error("too large");
        return !f.name.endsWith("/") && !f.name.startsWith("__MACOSX/");
      },
    });
  } catch (error) {
    return (error as Error).message === "too large"
      ? refuse(t(`Uppackat blir arkivet större än ${ZIP_MAX_UNPACKED / 1_000_000} MB.`, `Unpacked, the archive is larger than ${ZIP_MAX_UNPACKED / 1_000_000} MB.`))
      : refuse(t("Filen går inte att packa upp som zip.", "The file cannot be unpacked as a zip."));
  }
  const names = Object.keys(entries);
  for (const name of names) {
    const parts = name.split(/[\\/]/);
    if (name.startsWith("/") || name.startsWith("\\") || /^[a-zA-Z]:/.test(name) || parts.includes("..")) {
      return refuse(t("Otillåten sökväg i arkivet (absolut eller med ..); inget lästes in.", "The archive has a path that is not allowed (absolute or with ..); nothing was loaded."), name);
    }
  }
  if (names.length === 0) return refuse(t("Arkivet är tomt.", "The archive is empty."));
  // One folder around everything (zipping the folder itself): read from inside it.
  const tops = new Set(names.map((n) => n.split("/")[0]));
  const [top] = tops;
  const prefix = tops.size === 1 && !(top in FOLDER_KIND) && top !== "paths" && names.every((n) => n.includes("/")) ? `${top}/` : "";

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "lardom-import-"));
  try {
    for (const name of names) {
      const target = path.join(dir, name.slice(prefix.length));
      if (!target.startsWith(dir + path.sep)) return refuse(t("Otillåten sökväg i arkivet; inget lästes in.", "The archive has a path that is not allowed; nothing was loaded."), name);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, entries[name]);
    }
    const counts = await loadSeedDirectory(db, dir);
    // Tell search about every record the zip wrote, new or updated (the loader upserts by slug).
    for (const { kind, slug } of recordFiles(names.map((n) => n.slice(prefix.length)))) {
      const row = await db.selectFrom("records").select("id").where("kind", "=", kind).where("slug", "=", slug).executeTakeFirst();
      if (row) await recordChanged(db, row.id);
    }
    return { ok: true, counts };
  } catch (error) {
    if (error instanceof SeedError) {
      const strip = (file: string) => (file.startsWith(dir) ? file.slice(dir.length + 1) || "zip" : file);
      return { ok: false, problems: error.problems.map((p) => ({ ...p, file: strip(p.file) })) };
    }
    throw error;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

const FOLDER_KIND = { practices: "practice", events: "event", activities: "activity" } as const;

/** practices/<slug>.md and the like: the records a seeds directory's files describe. */
function recordFiles(names: string[]) {
  return names.flatMap((name) => {
    const match = /^(practices|events|activities)\/([^/]+)\.md$/.exec(name);
    return match ? [{ kind: FOLDER_KIND[match[1] as keyof typeof FOLDER_KIND], slug: match[2] }] : [];
  });
}
