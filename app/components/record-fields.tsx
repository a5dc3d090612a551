import { type FieldMetadata, type FormMetadata } from "@conform-to/react";

import { ACTIVITY_FORMATS, ACTIVITY_LEVELS, EVENT_TYPES, type RecordKind } from "../../db/schema";
import { useT, type Text, type Translate } from "~/i18n";
import { EVENT_TYPE_LABEL, FORMAT_LABEL, LEVEL_LABEL } from "~/utils/labels";

import { CheckboxGroup, ErrorList, Field, SelectField, TextareaField, type ChoiceOption } from "./forms";

/** The form fields of each record kind; the editor around them is record-editor.tsx. */

export type AnyField = FieldMetadata<string | number | undefined | null>;
export type Fields = Record<string, AnyField>;

/** Choices whose labels are content (names, titles) and so carry their `lang` where known. */
export interface Options {
  themes: (ChoiceOption & { indent?: boolean })[];
  organisations: ChoiceOption[];
  allOrganisations: ChoiceOption[];
  popularTags: string[];
  /** Link pickers of the practice form. */
  practices: ChoiceOption[];
  events: ChoiceOption[];
  /** The lessons of the practice's event as the page was loaded (the lesson picker). */
  lessons: ChoiceOption[];
}

const choose = (t: Translate): ChoiceOption => ({ value: "", label: t("Välj …", "Choose …") });
const list = <T extends string>(t: Translate, values: readonly T[], labels: Record<T, Text>) => [
  choose(t),
  ...values.map((v) => ({ value: v, label: t(labels[v]) })),
];

export function CommonFields({ f, options, kind }: { f: Fields; options: Options; kind: RecordKind }) {
  const t = useT();
  return (
    <>
      <Field label={t("Rubrik", "Title")} meta={f.title} hint={t("Blir också sidans adress (å, ä och ö blir a, a och o).", "Also becomes the page's address (å, ä and ö become a, a and o).")} />
      <TextareaField
        label={t("Sammanfattning", "Summary")}
        meta={f.summary}
        rows={3}
        hint={t("En eller två meningar som visas i listor och sökträffar.", "One or two sentences, shown in lists and search results.")}
      />
      <TextareaField
        label={kind === "event" ? t("Minnesanteckningar", "Minutes") : t("Beskrivning", "Description")}
        meta={f.body}
        rows={12}
        hint={t(
          "Markdown: **fet**, *kursiv*, [länk](https://…), listor med - och rubriker med ##.",
          "Markdown: **bold**, *italic*, [link](https://…), lists with - and headings with ##.",
        )}
      />
      <CheckboxGroup legend={t("Teman", "Themes")} meta={f.themes as unknown as FieldMetadata<string[]>} options={options.themes} hint={t("Minst ett.", "At least one.")} />
      <Field
        label={t("Taggar", "Tags")}
        meta={f.tags}
        hint={
          <>
            {t("Skilj med kommatecken. Vanliga taggar: ", "Separate with commas. Common tags: ")}
            {/* The tags are content, in Swedish. */}
            <span lang="sv">{options.popularTags.join(", ") || "lean, underhåll"}</span>.
          </>
        }
      />
      <SelectField
        label={t("Språk", "Language")}
        meta={f.language}
        options={[
          { value: "sv", label: t("Svenska", "Swedish") },
          { value: "en", label: t("Engelska", "English") },
        ]}
      />
      <SelectField
        label={t("Vem får läsa", "Who may read")}
        meta={f.visibility}
        options={[
          { value: "public", label: t("Alla", "Everyone") },
          { value: "members", label: t("Bara inloggade medlemmar", "Only signed-in members") },
        ]}
      />
      <Field
        label={t("Granskas senast", "Review by")}
        meta={f.review_by}
        type="date"
        hint={t("Redaktörerna påminns när materialet behöver ses över.", "The editors are reminded when the material needs looking over.")}
      />
    </>
  );
}

export function PracticeFields({ f, options }: { f: Fields; options: Options }) {
  const t = useT();
  return (
    <>
      <SelectField label={t("Organisation", "Organisation")} meta={f.organisation} options={[choose(t), ...options.organisations]} />
      <TextareaField label={t("Problemet", "The problem")} meta={f.problem} rows={5} />
      <TextareaField label={t("Lösningen", "The solution")} meta={f.solution} rows={5} />
      <TextareaField label={t("Resultat och belägg", "Results and evidence")} meta={f.results} rows={5} hint={t("Vad blev bättre, och hur vet ni det?", "What got better, and how do you know?")} />
      <TextareaField label={t("Resurser som behövdes", "Resources needed")} meta={f.resources} rows={4} />
      <TextareaField label={t("Så kan andra använda det", "How others can use it")} meta={f.transferability} rows={4} />
      <TextareaField label={t("Svårigheter på vägen", "Difficulties along the way")} meta={f.difficulties} rows={4} />
      <SelectField
        label={t("Hämtat från", "Adopted from")}
        meta={f.adopted_from}
        hint={t(
          "Om ni tog upp ett annat gott exempel: lärandecykelns tillämpning.",
          "If you took up another good practice: the learning cycle's apply step.",
        )}
        options={[{ value: "", label: t("Inget", "None") }, ...options.practices]}
      />
      <SelectField
        label={t("Idén kom från träffen", "The idea came from the event")}
        meta={f.from_event}
        options={[{ value: "", label: t("Ingen", "None") }, ...options.events]}
      />
      {options.lessons.length > 0 ? (
        <SelectField
          label={t("Lärdom från träffen", "Lesson from the event")}
          meta={f.from_lesson}
          hint={t(
            "Byter du träff ovan följer lärdomen inte med. Spara, så kan du sedan välja bland den nya träffens lärdomar.",
            "If you change the event above, the lesson does not follow. Save, and you can then choose among the new event's lessons.",
          )}
          options={[{ value: "", label: t("Ingen särskild", "None in particular") }, ...options.lessons]}
        />
      ) : null}
    </>
  );
}

export function EventFields({ f, options, form }: { f: Fields; options: Options; form: FormMetadata<Record<string, unknown>> }) {
  const t = useT();
  const lessonsMeta = f.lessons as unknown as FieldMetadata<string[]>;
  const lessons = lessonsMeta.getFieldList();
  return (
    <>
      <SelectField label={t("Typ av träff", "Type of event")} meta={f.type} options={list(t, EVENT_TYPES, EVENT_TYPE_LABEL)} />
      <Field label={t("Datum", "Date")} meta={f.date} type="date" />
      <Field label={t("Slutdatum", "End date")} meta={f.end_date} type="date" hint={t("Bara om träffen pågick mer än en dag.", "Only if the event lasted more than one day.")} />
      <Field label={t("Plats", "Place")} meta={f.location} />
      <Field label={t("Kommun", "Municipality")} meta={f.municipality} />
      <SelectField label={t("Arrangör", "Organiser")} meta={f.organiser} options={[choose(t), ...options.organisations]} />
      <Field label={t("Antal deltagare", "Number of participants")} meta={f.participants} type="number" min={0} />
      <CheckboxGroup
        legend={t("Deltagande organisationer", "Participating organisations")}
        meta={f.participating_organisations as unknown as FieldMetadata<string[]>}
        options={options.allOrganisations}
      />
      <fieldset className="field checkbox-group">
        <legend>{t("Lärdomar", "Lessons learned")}</legend>
        <p className="hint">
          {t("Korta påståenden, ett per rad; varje lärdom blir sökbar för sig.", "Short statements, one per line; each lesson can be searched on its own.")}
        </p>
        <ErrorList id={lessonsMeta.errorId} errors={lessonsMeta.errors} />
        <ol className="lesson-list">
          {lessons.map((lesson, index) => (
            <li key={lesson.key}>
              <Field label={t(`Lärdom ${index + 1}`, `Lesson ${index + 1}`)} meta={lesson} />
              <button className="link-button" {...form.remove.getButtonProps({ name: lessonsMeta.name, index })}>
                {t(`Ta bort lärdom ${index + 1}`, `Remove lesson ${index + 1}`)}
              </button>
            </li>
          ))}
        </ol>
        <button className="button button-secondary" {...form.insert.getButtonProps({ name: lessonsMeta.name, defaultValue: "" })}>
          {t("Lägg till en lärdom", "Add a lesson")}
        </button>
      </fieldset>
    </>
  );
}

export function ActivityFields({ f, options }: { f: Fields; options: Options }) {
  const t = useT();
  return (
    <>
      <SelectField label={t("Anordnare", "Provider")} meta={f.provider} options={[choose(t), ...options.organisations]} />
      <SelectField label={t("Form", "Format")} meta={f.format} options={list(t, ACTIVITY_FORMATS, FORMAT_LABEL)} />
      <SelectField label={t("Nivå", "Level")} meta={f.level} options={list(t, ACTIVITY_LEVELS, LEVEL_LABEL)} />
      <Field label={t("Omfattning i timmar", "Hours")} meta={f.hours} type="number" min={0} step="any" />
      <Field label={t("Målgrupp", "Target group")} meta={f.target_group} />
      <Field label={t("Färdigheter", "Skills")} meta={f.skills} hint={t("Skilj med kommatecken.", "Separate with commas.")} />
      <Field label={t("Startdatum", "Start date")} meta={f.start_date} type="date" />
      <Field label={t("Slutdatum", "End date")} meta={f.end_date} type="date" />
    </>
  );
}
