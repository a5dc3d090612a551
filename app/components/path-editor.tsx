import { getFormProps, getInputProps, getSelectProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";

import type { RecordKind } from "../../db/schema";
import { PathSchema, type PathValues } from "~/forms/path";
import { KIND_LABEL } from "~/utils/labels";

import { ErrorList, Field, SelectField, TextareaField } from "./forms";

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
  themes: { value: string; label: string }[];
  records: { value: string; label: string; kind: RecordKind }[];
  actionData?: PathEditorData;
  version?: number;
}) {
  const [form, fields] = useForm({
    id: "path",
    lastResult: actionData?.result,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PathSchema }),
    shouldValidate: "onBlur",
  });
  const steps = fields.steps.getFieldList();
  const groups = (["practice", "event", "activity"] as const).map((kind) => ({ kind, options: records.filter((r) => r.kind === kind) }));
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <ErrorList id={form.errorId} errors={form.errors} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <Field label="Rubrik" meta={fields.title} />
      <TextareaField label="Sammanfattning" meta={fields.summary} rows={3} />
      <SelectField label="Tema" meta={fields.theme} options={[{ value: "", label: "Välj …" }, ...themes]} />
      <Field label="Målgrupp" meta={fields.audience} />
      <SelectField
        label="Läge"
        meta={fields.status}
        options={[
          { value: "draft", label: "Utkast" },
          { value: "published", label: "Publicerad" },
          { value: "archived", label: "Arkiverad" },
        ]}
      />
      <fieldset className="field checkbox-group">
        <legend>Steg</legend>
        <ErrorList id={fields.steps.errorId} errors={fields.steps.errors} />
        <ol className="lesson-list">
          {steps.map((step, index) => {
            const s = step.getFieldset() as unknown as Record<"entry" | "note" | "optional", FieldMetadata<string | boolean | undefined>>;
            return (
              <li key={step.key}>
                <label htmlFor={s.entry.id}>Material i steg {index + 1}</label>
                <select {...getSelectProps(s.entry as FieldMetadata<string>)} key={s.entry.key}>
                  <option value="">Välj …</option>
                  {groups.map((g) => (
                    <optgroup key={g.kind} label={KIND_LABEL[g.kind]}>
                      {g.options.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
                <ErrorList id={s.entry.errorId} errors={s.entry.errors} />
                <TextareaField label="Anteckning" meta={s.note as FieldMetadata<string>} rows={2} />
                <label>
                  <input {...getInputProps(s.optional as FieldMetadata<boolean>, { type: "checkbox" })} key={s.optional.key} /> Valfritt steg
                </label>
                <p className="form-actions">
                  {index > 0 ? (
                    <button className="link-button" {...form.reorder.getButtonProps({ name: fields.steps.name, from: index, to: index - 1 })}>
                      Flytta upp
                    </button>
                  ) : null}
                  <button className="link-button" {...form.remove.getButtonProps({ name: fields.steps.name, index })}>
                    Ta bort steg {index + 1}
                  </button>
                </p>
              </li>
            );
          })}
        </ol>
        <button className="button button-secondary" {...form.insert.getButtonProps({ name: fields.steps.name })}>
          Lägg till ett steg
        </button>
      </fieldset>
      <button type="submit" className="button">
        Spara lärvägen
      </button>
    </Form>
  );
}
