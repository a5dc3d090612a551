import type { Kysely } from "kysely";

import type { Database } from "../../db/schema";
import type { PracticeValues } from "../forms/record";
import type { Text } from "../i18n";
import type { Access } from "../utils/access.server";
import { formatSwedishDate, recordUrl } from "../utils/labels";
import { getRecordBase } from "./record.server";

/**
 * From lesson to practice (the learning cycle's exchange → apply): a new practice draft that
 * starts from one of an event's lessons, or from the event as a whole. The draft is only a
 * prefilled form; nothing is written until the writer saves it, and then the "came from" link
 * keeps the lesson too (record_links.lesson_id), so both pages can show it.
 */

export interface PracticeStart {
  /** `language` is the event's, in which its title and lessons are written. */
  event: { slug: string; title: string; language: string };
  lesson: { id: number; text: string } | null;
  /** The form's starting values (organisation, language and the rest come from the form's defaults). */
  values: Partial<PracticeValues>;
}

/** The draft, or a message for the writer in both languages. */
export type PracticeStartResult = { ok: true; start: PracticeStart } | { ok: false; message: Text };

/** Cut at a word boundary, with an ellipsis, when longer than max characters. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Text safe inside Markdown link text: the characters that would end or format it, escaped. */
const linkText = (text: string) => text.replace(/([\\[\]*_`<>])/g, "\\$1");

/**
 * The prefilled draft for a published event (which a writer, being signed in, may read) and
 * optionally one of its lessons. A missing event, or a lesson of another event, is a message
 * for the writer rather than an error of ours.
 */
export async function startPracticeFromEvent(
  db: Kysely<Database>,
  { eventSlug, lessonId, access }: { eventSlug: string; lessonId?: number; access: Access },
): Promise<PracticeStartResult> {
  const event = await getRecordBase(db, { kind: "event", slug: eventSlug, access });
  if (!event) {
    return {
      ok: false,
      message: {
        sv: `Det finns ingen publicerad träff med adressen ”${eventSlug}” att utgå från.`,
        en: `There is no published event at the address “${eventSlug}” to start from.`,
      },
    };
  }
  const lesson =
    lessonId === undefined
      ? null
      : ((await db.selectFrom("lessons").select(["id", "text"]).where("id", "=", lessonId).where("event_id", "=", event.id).executeTakeFirst()) ?? null);
  if (lessonId !== undefined && !lesson) {
    return {
      ok: false,
      message: {
        sv: `Lärdom nummer ${lessonId} hör inte till träffen ”${event.title}”. Gå tillbaka till träffen och välj en av dess lärdomar.`,
        en: `Lesson number ${lessonId} does not belong to the event “${event.title}”. Go back to the event and choose one of its lessons.`,
      },
    };
  }
  const reference = `träffen [${linkText(event.title)}](${recordUrl("event", event.slug)})${event.publishedOn ? ` den ${formatSwedishDate(event.publishedOn)}` : ""}`;
  const body = lesson
    ? `Idén kom från en lärdom på ${reference}:\n\n> ${shorten(lesson.text, 280)}\n`
    : `Idén kom från ${reference}.\n`;
  return {
    ok: true,
    start: {
      event: { slug: event.slug, title: event.title, language: event.language },
      lesson,
      values: {
        summary: lesson ? shorten(lesson.text, 600) : "",
        body,
        themes: event.themes.map((t) => t.slug),
        from_event: event.slug,
        from_lesson: lesson?.id,
      },
    },
  };
}
