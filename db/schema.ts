import type { Generated, Insertable, Selectable, Updateable } from "kysely";

/**
 * The one typed view of the database, kept by hand beside the migrations. Nullable columns are
 * `T | null`; columns the database fills in are `Generated<T>`.
 */
export interface Database {
  organisations: OrganisationTable;
  users: UserTable;
  sessions: SessionTable;
  themes: ThemeTable;
  records: RecordTable;
  practice_details: PracticeDetailsTable;
  event_details: EventDetailsTable;
  activity_details: ActivityDetailsTable;
  record_themes: RecordThemeTable;
  record_tags: RecordTagTable;
  activity_skills: ActivitySkillTable;
  lessons: LessonTable;
  event_participants: EventParticipantTable;
  record_links: RecordLinkTable;
  paths: PathTable;
  path_steps: PathStepTable;
  path_progress: PathProgressTable;
  revisions: RevisionTable;
  login_attempts: LoginAttemptTable;
  assessments: AssessmentTable;
  assessment_questions: AssessmentQuestionTable;
  assessment_results: AssessmentResultTable;
  search_misses: SearchMissTable;
}

export const RECORD_KINDS = ["practice", "event", "activity"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const COUNTIES = ["Dalarna", "Gävleborg", "Värmland"] as const;
export type County = (typeof COUNTIES)[number];

export const ORGANISATION_KINDS = ["company", "municipality", "region", "academy", "cluster", "other"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = ["member", "contributor", "organiser", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const RECORD_STATUSES = ["draft", "review", "published", "archived"] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const EVENT_TYPES = ["workshop", "exchange", "study-visit", "seminar", "network-meeting", "webinar"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const ACTIVITY_FORMATS = ["on-site", "online", "hybrid"] as const;
export type ActivityFormat = (typeof ACTIVITY_FORMATS)[number];

export const ACTIVITY_LEVELS = ["intro", "intermediate", "advanced"] as const;
export type ActivityLevel = (typeof ACTIVITY_LEVELS)[number];

export const LANGUAGES = ["sv", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export const LINK_TYPES = ["adopted_from", "from_event"] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export interface OrganisationTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: OrganisationKind;
  municipality: string;
  county: County;
  created_at: Generated<string>;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  organisation_id: number | null;
  password_hash: string;
  disabled_at: string | null;
  created_at: Generated<string>;
}

export interface SessionTable {
  id: string;
  user_id: number;
  created_at: Generated<string>;
  expires_at: string;
}

export interface ThemeTable {
  id: Generated<number>;
  slug: string;
  name: string;
  name_en: string;
  summary: Generated<string>;
  position: Generated<number>;
  /** 1 for a top theme, 2 for a child; see the initial migration. */
  level: 1 | 2;
  parent_id: number | null;
  parent_level: 1 | null;
}

export interface RecordTable {
  id: Generated<number>;
  kind: RecordKind;
  slug: string;
  title: string;
  summary: string;
  body: string;
  language: Generated<Language>;
  status: Generated<RecordStatus>;
  visibility: Generated<"public" | "members">;
  organisation_id: number;
  /** Practices: the published date; events: the event's date; activities: the start date. */
  published_on: string | null;
  review_by: string | null;
  review_comment: string | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

interface DetailsColumns<K extends RecordKind> {
  record_id: number;
  kind: Generated<K>;
}

export interface PracticeDetailsTable extends DetailsColumns<"practice"> {
  problem: Generated<string>;
  solution: Generated<string>;
  results: Generated<string>;
  resources: Generated<string>;
  transferability: Generated<string>;
  difficulties: Generated<string>;
}

export interface EventDetailsTable extends DetailsColumns<"event"> {
  type: EventType;
  starts_on: string;
  ends_on: string | null;
  location: string;
  municipality: string;
  participant_count: number;
}

export interface ActivityDetailsTable extends DetailsColumns<"activity"> {
  format: ActivityFormat;
  level: ActivityLevel;
  hours: number;
  target_group: Generated<string>;
  starts_on: string | null;
  ends_on: string | null;
}

export interface RecordThemeTable {
  record_id: number;
  theme_id: number;
}

export interface RecordTagTable {
  record_id: number;
  tag: string;
}

export interface ActivitySkillTable {
  record_id: number;
  kind: Generated<"activity">;
  skill: string;
}

export interface LessonTable {
  id: Generated<number>;
  event_id: number;
  kind: Generated<"event">;
  position: number;
  text: string;
}

export interface EventParticipantTable {
  event_id: number;
  kind: Generated<"event">;
  organisation_id: number;
}

export interface RecordLinkTable {
  id: Generated<number>;
  type: LinkType;
  from_id: number;
  from_kind: RecordKind;
  to_id: number;
  to_kind: RecordKind;
  lesson_id: number | null;
}

export interface PathTable {
  id: Generated<number>;
  slug: string;
  title: string;
  summary: string;
  audience: Generated<string>;
  theme_id: number;
  status: Generated<"draft" | "published" | "archived">;
  /** Moves on with every save; the optimistic lock of the path editor (migration 003). */
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface PathStepTable {
  id: Generated<number>;
  path_id: number;
  position: number;
  record_id: number;
  note: Generated<string>;
  optional: Generated<0 | 1>;
}

export interface PathProgressTable {
  user_id: number;
  path_id: number;
  record_id: number;
  done_at: Generated<string>;
}

export interface RevisionTable {
  id: Generated<number>;
  record_id: number;
  version: number;
  author_id: number | null;
  snapshot: string;
  note: Generated<string>;
  created_at: Generated<string>;
}

/** A failed sign-in; see the login-attempts migration. */
export interface LoginAttemptTable {
  id: Generated<number>;
  email: string;
  address: string;
  attempted_at: string;
}

export type Organisation = Selectable<OrganisationTable>;
export type Theme = Selectable<ThemeTable>;
export type RecordRow = Selectable<RecordTable>;
export type NewRecord = Insertable<RecordTable>;
export type RecordUpdate = Updateable<RecordTable>;
export type User = Selectable<UserTable>;
export type Path = Selectable<PathTable>;

export interface AssessmentTable {
  theme_id: number;
  intro: Generated<string>;
  version: Generated<number>;
}

export interface AssessmentQuestionTable {
  id: Generated<number>;
  theme_id: number;
  position: number;
  text: string;
  level_1: string;
  level_2: string;
  level_3: string;
  level_4: string;
  level_5: string;
}

export interface AssessmentResultTable {
  id: Generated<number>;
  user_id: number;
  theme_id: number;
  level: number;
  /** JSON list of the chosen levels, in question order. */
  answers: string;
  created_at: Generated<string>;
}

/** A search term that found nothing, counted (migration 005; see app/models/dashboard.server.ts). */
export interface SearchMissTable {
  term: string;
  count: Generated<number>;
  last_at: string;
}
