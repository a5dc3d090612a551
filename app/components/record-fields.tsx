import { type FieldMetadata, type FormMetadata } from "@conform-to/react";

import { ACTIVITY_FORMATS, ACTIVITY_LEVELS, EVENT_TYPES, type RecordKind } from "../../db/schema";
import { EVENT_TYPE_LABEL, FORMAT_LABEL, LEVEL_LABEL } from "~/utils/labels";

import { CheckboxGroup, ErrorList, Field, SelectField, TextareaField } from "./forms";

/** The form fields of each record kind; the editor around them is record-editor.tsx. */

export type AnyField = FieldMetadata<string | number | undefined | null>;
export type Fields = Record<string, AnyField>;

export interface Options {
  themes: { value: string; label: string; indent?: boolean }[];
  organisations: { value: string; label: string }[];
  allOrganisations: { value: string; label: string }[];
  popularTags: string[];
  /** Link pickers of the practice form. */
  practices: { value: string; label: string }[];
  events: { value: string; label: string }[];
  /** The lessons of the practice's event as the page was loaded (the lesson picker). */
  lessons: { value: string; label: string }[];
}

const choose = { value: "", label: "Välj …" };
const list = <T extends string>(values: readonly T[], labels: Record<T, string>) => [choose, ...values.map((v) => ({ value: v, label: labels[v] }))];

export function CommonFields({ f, options, kind }: { f: Fields; options: Options; kind: RecordKind }) {
  return (
    <>
      <Field label="Rubrik" meta={f.title} hint="Blir också sidans adress (å, ä och ö blir a, a och o)." />
      <TextareaField label="Sammanfattning" meta={f.summary} rows={3} hint="En eller två meningar som visas i listor och sökträffar." />
      <TextareaField
        label={kind === "event" ? "Minnesanteckningar" : "Beskrivning"}
        meta={f.body}
        rows={12}
        hint="Markdown: **fet**, *kursiv*, [länk](https://…), listor med - och rubriker med ##."
      />
      <CheckboxGroup legend="Teman" meta={f.themes as unknown as FieldMetadata<string[]>} options={options.themes} hint="Minst ett." />
      <Field
        label="Taggar"
        meta={f.tags}
        hint={`Skilj med kommatecken. Vanliga taggar: ${options.popularTags.join(", ") || "lean, underhåll"}.`}
      />
      <SelectField label="Språk" meta={f.language} options={[{ value: "sv", label: "Svenska" }, { value: "en", label: "Engelska" }]} />
      <SelectField label="Vem får läsa" meta={f.visibility} options={[{ value: "public", label: "Alla" }, { value: "members", label: "Bara inloggade medlemmar" }]} />
      <Field label="Granskas senast" meta={f.review_by} type="date" hint="Redaktörerna påminns när materialet behöver ses över." />
    </>
  );
}

export function PracticeFields({ f, options }: { f: Fields; options: Options }) {
  return (
    <>
      <SelectField label="Organisation" meta={f.organisation} options={[choose, ...options.organisations]} />
      <TextareaField label="Problemet" meta={f.problem} rows={5} />
      <TextareaField label="Lösningen" meta={f.solution} rows={5} />
      <TextareaField label="Resultat och belägg" meta={f.results} rows={5} hint="Vad blev bättre, och hur vet ni det?" />
      <TextareaField label="Resurser som behövdes" meta={f.resources} rows={4} />
      <TextareaField label="Så kan andra använda det" meta={f.transferability} rows={4} />
      <TextareaField label="Svårigheter på vägen" meta={f.difficulties} rows={4} />
      <SelectField
        label="Hämtat från"
        meta={f.adopted_from}
        hint="Om ni tog upp ett annat gott exempel: lärandecykelns tillämpning."
        options={[{ value: "", label: "Inget" }, ...options.practices]}
      />
      <SelectField
        label="Idén kom från träffen"
        meta={f.from_event}
        options={[{ value: "", label: "Ingen" }, ...options.events]}
      />
      {options.lessons.length > 0 ? (
        <SelectField
          label="Lärdom från träffen"
          meta={f.from_lesson}
          hint="Byter du träff ovan följer lärdomen inte med. Spara, så kan du sedan välja bland den nya träffens lärdomar."
          options={[{ value: "", label: "Ingen särskild" }, ...options.lessons]}
        />
      ) : null}
    </>
  );
}

export function EventFields({ f, options, form }: { f: Fields; options: Options; form: FormMetadata<Record<string, unknown>> }) {
  const lessonsMeta = f.lessons as unknown as FieldMetadata<string[]>;
  const lessons = lessonsMeta.getFieldList();
  return (
    <>
      <SelectField label="Typ av träff" meta={f.type} options={list(EVENT_TYPES, EVENT_TYPE_LABEL)} />
      <Field label="Datum" meta={f.date} type="date" />
      <Field label="Slutdatum" meta={f.end_date} type="date" hint="Bara om träffen pågick mer än en dag." />
      <Field label="Plats" meta={f.location} />
      <Field label="Kommun" meta={f.municipality} />
      <SelectField label="Arrangör" meta={f.organiser} options={[choose, ...options.organisations]} />
      <Field label="Antal deltagare" meta={f.participants} type="number" min={0} />
      <CheckboxGroup legend="Deltagande organisationer" meta={f.participating_organisations as unknown as FieldMetadata<string[]>} options={options.allOrganisations} />
      <fieldset className="field checkbox-group">
        <legend>Lärdomar</legend>
        <p className="hint">Korta påståenden, ett per rad; varje lärdom blir sökbar för sig.</p>
        <ErrorList id={lessonsMeta.errorId} errors={lessonsMeta.errors} />
        <ol className="lesson-list">
          {lessons.map((lesson, index) => (
            <li key={lesson.key}>
              <Field label={`Lärdom ${index + 1}`} meta={lesson} />
              <button className="link-button" {...form.remove.getButtonProps({ name: lessonsMeta.name, index })}>
                Ta bort lärdom {index + 1}
              </button>
            </li>
          ))}
        </ol>
        <button className="button button-secondary" {...form.insert.getButtonProps({ name: lessonsMeta.name, defaultValue: "" })}>
          Lägg till en lärdom
        </button>
      </fieldset>
    </>
  );
}

export function ActivityFields({ f, options }: { f: Fields; options: Options }) {
  return (
    <>
      <SelectField label="Anordnare" meta={f.provider} options={[choose, ...options.organisations]} />
      <SelectField label="Form" meta={f.format} options={list(ACTIVITY_FORMATS, FORMAT_LABEL)} />
      <SelectField label="Nivå" meta={f.level} options={list(ACTIVITY_LEVELS, LEVEL_LABEL)} />
      <Field label="Omfattning i timmar" meta={f.hours} type="number" min={0} step="any" />
      <Field label="Målgrupp" meta={f.target_group} />
      <Field label="Färdigheter" meta={f.skills} hint="Skilj med kommatecken." />
      <Field label="Startdatum" meta={f.start_date} type="date" />
      <Field label="Slutdatum" meta={f.end_date} type="date" />
    </>
  );
}
