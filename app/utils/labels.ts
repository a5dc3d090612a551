import type {
  ActivityFormat,
  ActivityLevel,
  EventType,
  OrganisationKind,
  RecordKind,
  RecordStatus,
  Role,
} from "../../db/schema";

/** Swedish names for the values stored in English in the database. */

export const KIND_LABEL: Record<RecordKind, string> = {
  practice: "Gott exempel",
  event: "Träff",
  activity: "Kompetensutveckling",
};

export const KIND_PLURAL: Record<RecordKind, string> = {
  practice: "Goda exempel",
  event: "Träffar",
  activity: "Kompetensutveckling",
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

export const EVENT_TYPE_LABEL: Record<EventType, string> = {
  workshop: "Workshop",
  exchange: "Erfarenhetsutbyte",
  "study-visit": "Studiebesök",
  seminar: "Seminarium",
  "network-meeting": "Nätverksträff",
  webinar: "Webbinarium",
};

export const FORMAT_LABEL: Record<ActivityFormat, string> = {
  "on-site": "På plats",
  online: "På distans",
  hybrid: "Hybrid",
};

export const LEVEL_LABEL: Record<ActivityLevel, string> = {
  intro: "Introduktion",
  intermediate: "Fördjupning",
  advanced: "Avancerad",
};

export const ORGANISATION_KIND_LABEL: Record<OrganisationKind, string> = {
  company: "Företag",
  municipality: "Kommun",
  region: "Region",
  academy: "Lärosäte",
  cluster: "Klusterorganisation",
  other: "Organisation",
};

const dateFormat = new Intl.DateTimeFormat("sv-SE", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2024-03-05" → "5 mars 2024". */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return "";
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dateFormat.format(date);
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat("sv-SE").format(n);
}

/** "1 träff", "3 träffar". */
export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

export const ROLE_LABEL: Record<Role, string> = {
  member: "Medlem",
  contributor: "Skribent",
  organiser: "Arrangör",
  editor: "Redaktör",
  admin: "Administratör",
};

export const STATUS_LABEL: Record<RecordStatus, string> = {
  draft: "Utkast",
  review: "Väntar på granskning",
  published: "Publicerad",
  archived: "Arkiverad",
};

export const VISIBILITY_LABEL = { public: "Alla", members: "Bara medlemmar" } as const;

/** The form fields' names as the history page shows them. */
export const FIELD_LABEL: Record<string, string> = {
  title: "Rubrik",
  summary: "Sammanfattning",
  body: "Beskrivning eller minnesanteckningar",
  themes: "Teman",
  tags: "Taggar",
  language: "Språk",
  visibility: "Vem får läsa",
  review_by: "Granskas senast",
  organisation: "Organisation",
  problem: "Problemet",
  solution: "Lösningen",
  results: "Resultat och belägg",
  resources: "Resurser som behövdes",
  transferability: "Så kan andra använda det",
  difficulties: "Svårigheter på vägen",
  adopted_from: "Hämtat från",
  from_event: "Idén kom från träffen",
  from_lesson: "Lärdom från träffen",
  type: "Typ av träff",
  date: "Datum",
  end_date: "Slutdatum",
  location: "Plats",
  municipality: "Kommun",
  organiser: "Arrangör",
  participants: "Antal deltagare",
  participating_organisations: "Deltagande organisationer",
  lessons: "Lärdomar",
  provider: "Anordnare",
  format: "Form",
  level: "Nivå",
  hours: "Omfattning i timmar",
  target_group: "Målgrupp",
  skills: "Färdigheter",
  start_date: "Startdatum",
};
