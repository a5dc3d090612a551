import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { z } from "zod";

import type { RecordKind } from "../../db/schema";
import { recordSchemas } from "~/forms/record";
import { useT, type Text } from "~/i18n";
import { FIELD_LABEL } from "~/utils/labels";

import { ErrorList } from "./forms";
import { Markdown } from "./markdown";
import { ActivityFields, CommonFields, EventFields, PracticeFields, type Fields, type Options } from "./record-fields";

const ANYTHING = z.object({}).passthrough();

export interface EditorActionData {
  result: SubmissionResult<string[]>;
  /** The Markdown fields rendered by the server; `lang` is the language chosen in the form. */
  preview: { field: string; heading: Text; lang: string; html: string }[] | null;
  conflict: { version: number; values: Record<string, unknown> } | null;
}

/**
 * The one editor for practices, events and activities: Conform over the kind's shared schema,
 * so the browser checks what the server will check, and without JavaScript the server answers
 * with the same field errors. Buttons: save, preview (rendered and sanitized by the server),
 * and save-and-submit for review.
 */
export function RecordEditor({
  kind,
  defaultValue,
  options,
  actionData,
  version,
  canSubmit,
}: {
  kind: RecordKind;
  defaultValue: Record<string, unknown>;
  options: Options;
  actionData: EditorActionData | undefined;
  version?: number;
  canSubmit: boolean;
}) {
  const t = useT();
  const [form, fields] = useForm<Record<string, unknown>>({
    id: `record-${kind}`,
    lastResult: actionData?.result,
    defaultValue: defaultValue as Record<string, string | undefined>,
    // The preview button shows the Markdown as it stands, finished or not: no checks in the browser.
    onValidate: ({ formData, submitter }) =>
      parseWithZod(formData, { schema: submitter?.value === "preview" ? ANYTHING : recordSchemas(t)[kind] }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const f = fields as unknown as Fields;
  const conflict = actionData?.conflict;
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <ErrorList id={form.errorId} errors={form.errors} />
      <ErrorSummary errors={form.allErrors} />
      {conflict ? <ConflictNotice values={conflict.values} /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={conflict?.version ?? version} /> : null}
      <CommonFields f={f} options={options} kind={kind} />
      {kind === "practice" ? <PracticeFields f={f} options={options} /> : null}
      {kind === "event" ? <EventFields f={f} options={options} form={form} /> : null}
      {kind === "activity" ? <ActivityFields f={f} options={options} /> : null}
      <div className="form-actions">
        <button type="submit" name="intent" value="save" className="button">
          {t("Spara", "Save")}
        </button>
        <button type="submit" name="intent" value="preview" formNoValidate className="button button-secondary">
          {t("Förhandsgranska", "Preview")}
        </button>
        {canSubmit ? (
          <button type="submit" name="intent" value="submit" className="button button-secondary">
            {t("Spara och skicka för granskning", "Save and submit for review")}
          </button>
        ) : null}
      </div>
      {actionData?.preview ? (
        <section className="preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t("Förhandsgranskning", "Preview")}</h2>
          {actionData.preview
            .filter((p) => p.html)
            .map((p) => (
              <div key={p.field}>
                <h3>{t(p.heading)}</h3>
                <Markdown html={p.html} lang={p.lang} />
              </div>
            ))}
        </section>
      ) : null}
    </Form>
  );
}

/** Every field's errors at the top of a long form, so none goes unseen (a lesson far down, say). */
function ErrorSummary({ errors }: { errors: Record<string, string[] | undefined> }) {
  const t = useT();
  const fields = Object.entries(errors).filter(([name, list]) => name !== "" && list?.length);
  if (fields.length === 0) return null;
  const label = (name: string) => {
    const [, base, index] = /^([a-z_]+)(?:\[(\d+)\])?/.exec(name) ?? [];
    const field = FIELD_LABEL[base];
    return `${field ? t(field) : name}${index !== undefined ? ` ${Number(index) + 1}` : ""}`;
  };
  return (
    <div className="notice notice-warning">
      <p>{t("Formuläret behöver rättas innan det kan sparas:", "Please correct the form before it can be saved:")}</p>
      <ul>
        {fields.map(([name, list]) => (
          <li key={name}>
            {label(name)}: {list!.join(" ")}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** When someone else saved first: their stored text, beside the form that keeps this person's. */
function ConflictNotice({ values }: { values: Record<string, unknown> }) {
  const t = useT();
  const language = values.language === "en" ? "en" : "sv";
  return (
    <details open className="notice notice-warning">
      <summary>{t("Den sparade versionen (skriven av någon annan)", "The saved version (written by someone else)")}</summary>
      <p>
        {t(
          "Din text finns kvar i formuläret. Sparar du igen ersätter din text den här versionen, som ändå finns kvar i historiken.",
          "Your text is still in the form. If you save again, your text replaces this version, which stays in the history all the same.",
        )}
      </p>
      <dl>
        {Object.entries(values)
          .filter(([, v]) => v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0))
          .map(([k, v]) => (
            <div key={k}>
              <dt>{FIELD_LABEL[k] ? t(FIELD_LABEL[k]) : k}</dt>
              <dd lang={language}>
                <pre className="conflict-text">{Array.isArray(v) ? v.join("\n") : String(v)}</pre>
              </dd>
            </div>
          ))}
      </dl>
    </details>
  );
}
