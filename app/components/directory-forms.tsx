import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";

import { COUNTIES, ORGANISATION_KINDS } from "../../db/schema";
import { OrganisationSchema, ThemeSchema } from "~/forms/manage";
import { ORGANISATION_KIND_LABEL } from "~/utils/labels";

import { ErrorList, Field, SelectField, TextareaField } from "./forms";

/** The theme and organisation forms of the management pages (new and edit share them). */

export function ThemeForm({
  id,
  defaultValue,
  parents,
  lastResult,
  submitLabel,
}: {
  id: string;
  defaultValue?: Record<string, string | number | undefined>;
  parents: { value: string; label: string }[];
  lastResult?: SubmissionResult<string[]>;
  submitLabel: string;
}) {
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ThemeSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field label="Namn" meta={fields.name} />
      <Field label="Namn på engelska" meta={fields.name_en} />
      <TextareaField label="Sammanfattning" meta={fields.summary} rows={3} />
      <SelectField label="Överordnat tema" meta={fields.parent} options={[{ value: "", label: "Inget (översta nivån)" }, ...parents]} />
      <Field label="Ordning" meta={fields.position} type="number" min={0} hint="Lägre tal visas först." />
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}

export function OrganisationForm({
  id,
  defaultValue,
  lastResult,
  submitLabel,
}: {
  id: string;
  defaultValue?: Record<string, string | undefined>;
  lastResult?: SubmissionResult<string[]>;
  submitLabel: string;
}) {
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganisationSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field label="Namn" meta={fields.name} />
      <SelectField
        label="Sort"
        meta={fields.kind}
        options={[{ value: "", label: "Välj …" }, ...ORGANISATION_KINDS.map((k) => ({ value: k, label: ORGANISATION_KIND_LABEL[k] }))]}
      />
      <Field label="Kommun" meta={fields.municipality} />
      <SelectField label="Län" meta={fields.county} options={[{ value: "", label: "Välj …" }, ...COUNTIES.map((c) => ({ value: c, label: c }))]} />
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}
