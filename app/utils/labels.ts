import type {
  ActivityFormat,
  ActivityLevel,
  EventType,
  OrganisationKind,
  RecordKind,
  RecordStatus,
  Role,
} from "../../db/schema";
import { makeT, type Text } from "../i18n";

/** Names, in both interface languages, for the values stored as codes in the database. */

export const KIND_LABEL: Record<RecordKind, Text> = {
  practice: { sv: "Gott exempel", en: "Good practice" },
  event: { sv: "Träff", en: "Event" },
  activity: { sv: "Kompetensutveckling", en: "Competence development" },
};

export const KIND_PLURAL: Record<RecordKind, Text> = {
  practice: { sv: "Goda exempel", en: "Good practice" },
  event: { sv: "Träffar", en: "Events" },
  activity: { sv: "Kompetensutveckling", en: "Competence development" },
};

/** The URL folder of each kind, as in the seeds format. */
export const KIND_PATH: Record<RecordKind, string> = {
  practice: "practices",
  event: "events",
  activity: "activities",
};

export function recordUrl(kind: RecordKind, slug: string): string {
  return `/${KIND_PATH[kind]}/${slug}`;
}

export const EVENT_TYPE_LABEL: Record<EventType, Text> = {
  workshop: { sv: "Workshop", en: "Workshop" },
  exchange: { sv: "Erfarenhetsutbyte", en: "Experience exchange" },
  "study-visit": { sv: "Studiebesök", en: "Study visit" },
  seminar: { sv: "Seminarium", en: "Seminar" },
  "network-meeting": { sv: "Nätverksträff", en: "Network meeting" },
  webinar: { sv: "Webbinarium", en: "Webinar" },
};

export const FORMAT_LABEL: Record<ActivityFormat, Text> = {
  "on-site": { sv: "På plats", en: "On site" },
  online: { sv: "På distans", en: "Online" },
  hybrid: { sv: "Hybrid", en: "Hybrid" },
};

export const LEVEL_LABEL: Record<ActivityLevel, Text> = {
  intro: { sv: "Introduktion", en: "Introductory" },
  intermediate: { sv: "Fördjupning", en: "Intermediate" },
  advanced: { sv: "Avancerad", en: "Advanced" },
};

export const ORGANISATION_KIND_LABEL: Record<OrganisationKind, Text> = {
  company: { sv: "Företag", en: "Company" },
  municipality: { sv: "Kommun", en: "Municipality" },
  region: { sv: "Region", en: "Region" },
  academy: { sv: "Lärosäte", en: "College or university" },
  cluster: { sv: "Klusterorganisation", en: "Cluster organisation" },
  other: { sv: "Organisation", en: "Organisation" },
};

const swedish = makeT("sv");

/**
 * Swedish dates for text that becomes content (a practice draft's reference to its event);
 * interface text uses `t.date` in the reader's language.
 */
export const formatSwedishDate = swedish.date;

export const ROLE_LABEL: Record<Role, Text> = {
  member: { sv: "Medlem", en: "Member" },
  contributor: { sv: "Skribent", en: "Contributor" },
  organiser: { sv: "Arrangör", en: "Organiser" },
  editor: { sv: "Redaktör", en: "Editor" },
  admin: { sv: "Administratör", en: "Administrator" },
};

export const STATUS_LABEL: Record<RecordStatus, Text> = {
  draft: { sv: "Utkast", en: "Draft" },
  review: { sv: "Väntar på granskning", en: "Awaiting review" },
  published: { sv: "Publicerad", en: "Published" },
  archived: { sv: "Arkiverad", en: "Archived" },
};

export const VISIBILITY_LABEL: Record<"public" | "members", Text> = {
  public: { sv: "Alla", en: "Everyone" },
  members: { sv: "Bara medlemmar", en: "Members only" },
};

/** The form fields' names as the history page shows them. */
export const FIELD_LABEL: Record<string, Text> = {
  title: { sv: "Rubrik", en: "Title" },
  summary: { sv: "Sammanfattning", en: "Summary" },
  body: { sv: "Beskrivning eller minnesanteckningar", en: "Description or minutes" },
  themes: { sv: "Teman", en: "Themes" },
  tags: { sv: "Taggar", en: "Tags" },
  language: { sv: "Språk", en: "Language" },
  visibility: { sv: "Vem får läsa", en: "Who may read" },
  review_by: { sv: "Granskas senast", en: "Review by" },
  organisation: { sv: "Organisation", en: "Organisation" },
  problem: { sv: "Problemet", en: "The problem" },
  solution: { sv: "Lösningen", en: "The solution" },
  results: { sv: "Resultat och belägg", en: "Results and evidence" },
  resources: { sv: "Resurser som behövdes", en: "Resources needed" },
  transferability: { sv: "Så kan andra använda det", en: "How others can use it" },
  difficulties: { sv: "Svårigheter på vägen", en: "Difficulties along the way" },
  adopted_from: { sv: "Hämtat från", en: "Adopted from" },
  from_event: { sv: "Idén kom från träffen", en: "The idea came from the event" },
  from_lesson: { sv: "Lärdom från träffen", en: "Lesson from the event" },
  type: { sv: "Typ av träff", en: "Type of event" },
  date: { sv: "Datum", en: "Date" },
  end_date: { sv: "Slutdatum", en: "End date" },
  location: { sv: "Plats", en: "Place" },
  municipality: { sv: "Kommun", en: "Municipality" },
  organiser: { sv: "Arrangör", en: "Organiser" },
  participants: { sv: "Antal deltagare", en: "Number of participants" },
  participating_organisations: { sv: "Deltagande organisationer", en: "Participating organisations" },
  lessons: { sv: "Lärdomar", en: "Lessons learned" },
  provider: { sv: "Anordnare", en: "Provider" },
  format: { sv: "Form", en: "Format" },
  level: { sv: "Nivå", en: "Level" },
  hours: { sv: "Omfattning i timmar", en: "Hours" },
  target_group: { sv: "Målgrupp", en: "Target group" },
  skills: { sv: "Färdigheter", en: "Skills" },
  start_date: { sv: "Startdatum", en: "Start date" },
};
