import { getFormProps, getInputProps, getSelectProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";

import type { RecordKind } from "../../db/schema";
import { pathSchema, type PathValues } from "~/forms/path";
import { useT } from "~/i18n";
import { KIND_LABEL } from "~/utils/labels";

import { ErrorList, Field, SelectField, TextareaField, type ChoiceOption } from "./forms";

export interface PathEditorData {
  result?: SubmissionResult<string[]>;
  conflict?: boolean;
}

/** The reading-path editor: fields, and steps that can be added, removed and moved without JavaScript. */
export function PathEditor({
  defaultValue,
  themes,
  records,
  actionData,
  version,
}: {
  defaultValue?: Partial<PathValues>;
  themes: ChoiceOption[];
  /** Record titles are content, in the record's language. */
  records: { value: string; label: string; lang: string; published: boolean; kind: RecordKind }[];
  actionData?: PathEditorData;
  version?: number;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: "path",
    lastResult: actionData?.result,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: pathSchema(t) }),
    shouldValidate: "onBlur",
  });
  const steps = fields.steps.getFieldList();
  const groups = (["practice", "event", "activity"] as const).map((kind) => ({ kind, options: records.filter((r) => r.kind === kind) }));
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <ErrorList id={form.errorId} errors={form.errors} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <Field label={t("Rubrik", "Title")} meta={fields.title} lang="sv" />
      <TextareaField label={t("Sammanfattning", "Summary")} meta={fields.summary} rows={3} lang="sv" />
      <SelectField label={t("Tema", "Theme")} meta={fields.theme} options={[{ value: "", label: t("Välj …", "Choose …") }, ...themes]} />
      <Field label={t("Målgrupp", "Audience")} meta={fields.audience} lang="sv" />
      <SelectField
        label={t("Läge", "Status")}
        meta={fields.status}
        options={[
          { value: "draft", label: t("Utkast", "Draft") },
          { value: "published", label: t("Publicerad", "Published") },
          { value: "archived", label: t("Arkiverad", "Archived") },
        ]}
      />
      <fieldset className="field checkbox-group" aria-describedby={fields.steps.errors?.length ? fields.steps.errorId : undefined}>
        <legend>{t("Steg", "Steps")}</legend>
        <ErrorList id={fields.steps.errorId} errors={fields.steps.errors} />
        <ol className="lesson-list">
          {steps.map((step, index) => {
            const s = step.getFieldset() as unknown as Record<"entry" | "note" | "optional", FieldMetadata<string | boolean | undefined>>;
            return (
              <li key={step.key}>
                <label htmlFor={s.entry.id}>{t(`Material i steg ${index + 1}`, `Material in step ${index + 1}`)}</label>
                <select {...getSelectProps(s.entry as FieldMetadata<string>, { ariaAttributes: true })} key={s.entry.key}>
                  <option value="">{t("Välj …", "Choose …")}</option>
                  {groups.map((g) => (
                    <optgroup key={g.kind} label={t(KIND_LABEL[g.kind])}>
                      {g.options.map((o) => (
                        <option key={o.value} value={o.value} lang={o.lang}>
                          {o.published ? o.label : `${o.label} ${t("(ej publicerad)", "(not published)")}`}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
                <ErrorList id={s.entry.errorId} errors={s.entry.errors} />
                <TextareaField label={t("Anteckning", "Note")} meta={s.note as FieldMetadata<string>} rows={2} lang="sv" />
                <label>
                  <input {...getInputProps(s.optional as FieldMetadata<boolean>, { type: "checkbox" })} key={s.optional.key} />{" "}
                  {t("Valfritt steg", "Optional step")}
                </label>
                <p className="form-actions">
                  {index > 0 ? (
                    <button className="link-button" {...form.reorder.getButtonProps({ name: fields.steps.name, from: index, to: index - 1 })}>
                      {t("Flytta upp", "Move up")}
                    </button>
                  ) : null}
                  <button className="link-button" {...form.remove.getButtonProps({ name: fields.steps.name, index })}>
                    {t(`Ta bort steg ${index + 1}`, `Remove step ${index + 1}`)}
                  </button>
                </p>
              </li>
            );
          })}
        </ol>
        <button className="button button-secondary" {...form.insert.getButtonProps({ name: fields.steps.name })}>
          {t("Lägg till ett steg", "Add a step")}
        </button>
      </fieldset>
      <button type="submit" className="button">
        {t("Spara lärvägen", "Save the reading path")}
      </button>
    </Form>
  );
}
