import fs from "node:fs/promises";
import path from "node:path";

import { parseDocument } from "yaml";
import type { z } from "zod";

import {
  ActivitySeed,
  AssessmentSeed,
  EventSeed,
  OrganisationSeed,
  PathSeed,
  PracticeSeed,
  SLUG_PATTERN,
  seedMarkdownProblem,
  ThemeSeed,
} from "./schema";

/** Reading a seed directory and validating every file, before anything is written. */

/** One thing wrong with a seed directory, named by file and field. */
export interface SeedProblem {
  file: string;
  field: string;
  message: string;
}

export class SeedError extends Error {
  constructor(readonly problems: SeedProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "SeedError";
  }
}

export function formatProblem(p: SeedProblem): string {
  return p.field ? `${p.file}: ${p.field}: ${p.message}` : `${p.file}: ${p.message}`;
}

export interface Parsed<T> {
  file: string;
  slug: string;
  value: T;
}
export interface ParsedRecord<T> extends Parsed<T> {
  body: string;
}

export interface SeedSet {
  themes: Parsed<ThemeSeed>[];
  organisations: Parsed<OrganisationSeed>[];
  practices: ParsedRecord<PracticeSeed>[];
  events: ParsedRecord<EventSeed>[];
  activities: ParsedRecord<ActivitySeed>[];
  paths: Parsed<PathSeed>[];
  assessments: Parsed<AssessmentSeed>[];
}


/** Reads and validates every seed file in `dir`; throws a SeedError listing all problems. */
export async function readSeedDirectory(dir: string): Promise<SeedSet> {
  const problems: SeedProblem[] = [];
  // Paths in messages are relative to where the command ran, when the directory is below it.
  const show = (file: string) => {
    const relative = path.relative(process.cwd(), path.join(dir, file));
    return relative.startsWith("..") ? path.join(dir, file) : relative;
  };

  const stat = await fs.stat(dir).catch(() => null);
  if (!stat?.isDirectory()) throw new SeedError([{ file: dir, field: "", message: "katalogen finns inte" }]);

  const list = async <T>(name: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): Promise<Parsed<T>[]> => {
    const source = await readOptional(path.join(dir, name));
    if (source === null) return [];
    const data = parseYaml(source, show(name), problems);
    if (data === undefined) return [];
    if (!Array.isArray(data)) {
      problems.push({ file: show(name), field: "", message: "ska vara en YAML-lista" });
      return [];
    }
    const items: Parsed<T>[] = [];
    data.forEach((item, i) => {
      const result = schema.safeParse(item);
      if (!result.success) return pushZodProblems(problems, `${show(name)} [${i}]`, result.error, "");
      const value = result.data as T & { slug: string };
      items.push({ file: `${show(name)} [${i}]`, slug: value.slug, value });
    });
    checkUnique(items, show(name), problems);
    return items;
  };

  const folder = async <T>(
    name: string,
    extension: ".md" | ".yaml",
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  ): Promise<ParsedRecord<T>[]> => {
    const files = await fs.readdir(path.join(dir, name)).catch(() => [] as string[]);
    const items: ParsedRecord<T>[] = [];
    for (const fileName of files.filter((f) => f.endsWith(extension)).sort()) {
      const file = show(path.join(name, fileName));
      const slug = fileName.slice(0, -extension.length);
      if (!SLUG_PATTERN.test(slug)) {
        problems.push({ file, field: "filnamn", message: "ska vara en slug: små bokstäver a–z, siffror och bindestreck" });
        continue;
      }
      const source = await fs.readFile(path.join(dir, name, fileName), "utf8");
      let front = source;
      let body = "";
      if (extension === ".md") {
        const split = splitFrontMatter(source);
        if (!split) {
          problems.push({ file, field: "front matter", message: "filen ska börja med front matter mellan två rader ---" });
          continue;
        }
        ({ front, body } = split);
        if (!body.trim()) problems.push({ file, field: "brödtext", message: "saknas efter front matter" });
        const tooMuch = seedMarkdownProblem(body.trim());
        if (tooMuch) problems.push({ file, field: "brödtext", message: tooMuch });
      }
      const data = parseYaml(front, file, problems);
      if (data === undefined) continue;
      const result = schema.safeParse(data ?? {});
      if (!result.success) {
        pushZodProblems(problems, file, result.error, "");
        continue;
      }
      items.push({ file, slug, value: result.data, body: body.trim() });
    }
    return items;
  };

  const seeds: SeedSet = {
    themes: await list("themes.yaml", ThemeSeed),
    organisations: await list("organisations.yaml", OrganisationSeed),
    practices: await folder("practices", ".md", PracticeSeed),
    events: await folder("events", ".md", EventSeed),
    activities: await folder("activities", ".md", ActivitySeed),
    paths: await folder("paths", ".yaml", PathSeed),
    assessments: await list("assessments.yaml", AssessmentSeed),
  };

  for (const p of seeds.practices) {
    if (p.value.adopted_from === p.slug) {
      problems.push({ file: p.file, field: "adopted_from", message: "en praktik kan inte vara hämtad från sig själv" });
    }
  }
  const total = Object.values(seeds).reduce((n, items) => n + items.length, 0);
  if (total === 0 && problems.length === 0) {
    problems.push({ file: dir, field: "", message: "hittade inga seed-filer (themes.yaml, organisations.yaml, practices/, …)" });
  }
  if (problems.length > 0) throw new SeedError(problems);
  return seeds;
}

function splitFrontMatter(source: string): { front: string; body: string } | null {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n([\s\S]*))?$/.exec(source);
  return match ? { front: match[1], body: match[2] ?? "" } : null;
}

/** Parses YAML in its core schema (dates stay strings); undefined after recording a problem. */
function parseYaml(source: string, file: string, problems: SeedProblem[]): unknown {
  const doc = parseDocument(source, { schema: "core" });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = error.linePos?.[0].line;
      problems.push({ file, field: line ? `rad ${line}` : "YAML", message: `ogiltig YAML: ${error.message.split("\n")[0]}` });
    }
    return undefined;
  }
  return doc.toJS();
}

function pushZodProblems(problems: SeedProblem[], file: string, error: z.ZodError, prefix: string) {
  for (const issue of error.issues) {
    const field = issue.path.reduce<string>(
      (acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${part}` : String(part)),
      prefix,
    );
    problems.push({ file, field: field || "(hela filen)", message: issue.message });
  }
}

function checkUnique(items: Parsed<unknown>[], file: string, problems: SeedProblem[]) {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.slug)) problems.push({ file, field: "slug", message: `"${item.slug}" förekommer mer än en gång` });
    seen.add(item.slug);
  }
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
