import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";

/**
 * Form fields on Conform metadata: a label, the control, a hint and the field's errors, tied
 * together with ids and aria attributes so screen readers hear the error with the field. Labels,
 * hints and messages come translated (`t(...)`) from the caller; an option whose label is
 * content (a theme or organisation name, a record title) carries its `lang`.
 */

export interface ChoiceOption {
  value: string;
  label: string;
  /** The language of a label that is content rather than interface text. */
  lang?: string;
}

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  if (!errors?.length) return null;
  // The alert wraps the list: role="alert" on the <ul> itself would take away its list role.
  return (
    <div id={id} role="alert">
      <ul className="field-errors">
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </div>
  );
}

/** The id of a field's hint, which the control names in aria-describedby beside its errors. */
const hintId = (meta: { id: string }, hint?: React.ReactNode) => (hint ? `${meta.id}-hint` : undefined);

type Meta = FieldMetadata<string | number | undefined | null>;

interface FieldProps {
  label: string;
  meta: Meta;
  /** Text, or text with content marked by its lang (tags, say). */
  hint?: React.ReactNode;
}

export function Field({
  label,
  meta,
  hint,
  type = "text",
  ...rest
}: FieldProps & { type?: "text" | "email" | "password" | "date" | "number" } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? <p className="hint" id={hintId(meta, hint)}>{hint}</p> : null}
      <input {...getInputProps(meta, { type, ariaAttributes: true, ariaDescribedBy: hintId(meta, hint) })} key={meta.key} {...rest} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** `lang` is the language of the text typed in (content), for spelling and screen readers. */
export function TextareaField({ label, meta, hint, rows = 5, lang }: FieldProps & { rows?: number; lang?: string }) {
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? <p className="hint" id={hintId(meta, hint)}>{hint}</p> : null}
      <textarea {...getTextareaProps(meta, { ariaAttributes: true, ariaDescribedBy: hintId(meta, hint) })} key={meta.key} rows={rows} lang={lang} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function SelectField({
  label,
  meta,
  hint,
  options,
}: FieldProps & { options: ChoiceOption[] }) {
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? <p className="hint" id={hintId(meta, hint)}>{hint}</p> : null}
      <select {...getSelectProps(meta, { ariaAttributes: true, ariaDescribedBy: hintId(meta, hint) })} key={meta.key}>
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** A group of checkboxes for a list field (themes, participating organisations). */
export function CheckboxGroup({
  legend,
  meta,
  options,
  hint,
}: {
  legend: string;
  meta: FieldMetadata<string[] | undefined>;
  options: (ChoiceOption & { indent?: boolean })[];
  hint?: string;
}) {
  const chosen = new Set(
    ([] as unknown[]).concat(meta.initialValue ?? []).filter((v): v is string => typeof v === "string"),
  );
  return (
    <fieldset
      className="field checkbox-group"
      aria-describedby={[meta.errors?.length ? meta.errorId : "", hintId(meta, hint) ?? ""].join(" ").trim() || undefined}
    >
      <legend>{legend}</legend>
      {hint ? <p className="hint" id={hintId(meta, hint)}>{hint}</p> : null}
      <div className="checkbox-list" key={meta.key}>
        {options.map((o) => (
          <label key={o.value} className={o.indent ? "indent" : undefined}>
            <input type="checkbox" name={meta.name} value={o.value} defaultChecked={chosen.has(o.value)} />{" "}
            {o.lang ? <span lang={o.lang}>{o.label}</span> : o.label}
          </label>
        ))}
      </div>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}
