import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";

import { COUNTIES, ORGANISATION_KINDS } from "../../db/schema";
import { organisationSchema, themeSchema } from "~/forms/manage";
import { useT } from "~/i18n";
import { ORGANISATION_KIND_LABEL } from "~/utils/labels";

import { ErrorList, Field, SelectField, TextareaField, type ChoiceOption } from "./forms";

/**
 * The theme and organisation forms of the management pages (new and edit share them). Theme
 * and organisation names in the choices are Swedish content unless the option says otherwise.
 */

export function ThemeForm({
  id,
  defaultValue,
  parents,
  lastResult,
  submitLabel,
}: {
  id: string;
  defaultValue?: Record<string, string | number | undefined>;
  parents: ChoiceOption[];
  lastResult?: SubmissionResult<string[]>;
  submitLabel: string;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: themeSchema(t) }),
    shouldValidate: "onBlur",
  });
  const parentOptions = [{ value: "", label: t("Inget (översta nivån)", "None (top level)") }, ...parents.map((p) => ({ lang: "sv", ...p }))];
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field label={t("Namn", "Name")} meta={fields.name} hint={t("På svenska.", "In Swedish.")} />
      <Field label={t("Namn på engelska", "Name in English")} meta={fields.name_en} />
      <TextareaField label={t("Sammanfattning", "Summary")} meta={fields.summary} rows={3} hint={t("På svenska.", "In Swedish.")} />
      <SelectField label={t("Överordnat tema", "Parent theme")} meta={fields.parent} options={parentOptions} />
      <Field label={t("Ordning", "Order")} meta={fields.position} type="number" min={0} hint={t("Lägre tal visas först.", "Lower numbers come first.")} />
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
  const t = useT();
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: organisationSchema(t) }),
    shouldValidate: "onBlur",
  });
  const choose = { value: "", label: t("Välj …", "Choose …") };
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field label={t("Namn", "Name")} meta={fields.name} />
      <SelectField
        label={t("Sort", "Kind")}
        meta={fields.kind}
        options={[choose, ...ORGANISATION_KINDS.map((k) => ({ value: k, label: t(ORGANISATION_KIND_LABEL[k]) }))]}
      />
      <Field label={t("Kommun", "Municipality")} meta={fields.municipality} />
      <SelectField label={t("Län", "County")} meta={fields.county} options={[choose, ...COUNTIES.map((c) => ({ value: c, label: c }))]} />
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}
