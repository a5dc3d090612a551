import { Form, Link } from "@remix-run/react";

import type { RecordKind, RecordStatus } from "../../db/schema";
import { KIND_PATH, KIND_PLURAL, STATUS_LABEL, recordUrl } from "~/utils/labels";

import { RecordEditor, type EditorActionData } from "./record-editor";
import type { Options } from "./record-fields";

type Step = "submit" | "publish" | "return" | "archive" | "reopen";

const STEP_LABEL: Record<Step, string> = {
  submit: "Skicka för granskning",
  publish: "Publicera",
  return: "Skicka tillbaka till skribenten",
  archive: "Arkivera",
  reopen: "Återöppna som utkast",
};

const SAVED: Record<string, string> = {
  created: "Utkastet är sparat.",
  saved: "Ändringarna är sparade.",
  submitted: "Sparat och skickat för granskning. En redaktör tittar på det.",
  publish: "Publicerat.",
  return: "Skickat tillbaka med din kommentar.",
  archive: "Arkiverat.",
  reopen: "Återöppnat som utkast.",
  submit: "Skickat för granskning.",
  restored: "Den gamla versionen är återställd som en ny version.",
};

export interface EditPageData {
  kind: RecordKind;
  record: { id: number; slug: string; status: RecordStatus; version: number; reviewComment: string | null };
  defaultValue: Record<string, unknown>;
  options: Options;
  canEdit: boolean;
  steps: Step[];
  saved: string | null;
}

/** The edit page of any record: state, workflow buttons, history link and the editor. */
export function EditPage({ data, actionData }: { data: EditPageData; actionData: EditorActionData | undefined }) {
  const { kind, record } = data;
  return (
    <div>
      <nav aria-label="Brödsmulor" className="breadcrumb">
        <Link to="/manage">Mitt arbete</Link> · <Link to={`/${KIND_PATH[kind]}`}>{KIND_PLURAL[kind]}</Link>
      </nav>
      <h1>
        {data.canEdit ? "Redigera: " : ""}
        {String(data.defaultValue.title ?? "")}
      </h1>
      <p>
        <span className="status">{STATUS_LABEL[record.status]}</span> · version {record.version} ·{" "}
        <Link to={`/records/${record.id}/history`}>Historik</Link>
        {record.status === "published" ? (
          <>
            {" "}
            · <Link to={recordUrl(kind, record.slug)}>Visa publicerad sida</Link>
          </>
        ) : null}
      </p>
      {data.saved && SAVED[data.saved] ? (
        <p className="notice" role="status">
          {SAVED[data.saved]}
        </p>
      ) : null}
      {record.reviewComment ? (
        <div className="notice notice-warning">
          <strong>Redaktörens kommentar:</strong> {record.reviewComment}
        </div>
      ) : null}
      {data.steps.length > 0 ? (
        <section aria-label="Arbetsflöde" className="form-actions">
          {data.steps
            .filter((s) => s !== "return")
            .map((step) => (
              <Form key={step} method="post" action={`/records/${record.id}/workflow`}>
                <input type="hidden" name="version" value={record.version} />
                <button type="submit" name="intent" value={step} className="button button-secondary">
                  {STEP_LABEL[step]}
                </button>
              </Form>
            ))}
          {data.steps.includes("return") ? (
            <Form method="post" action={`/records/${record.id}/workflow`} className="form">
              <input type="hidden" name="version" value={record.version} />
              <label htmlFor="return-comment">Kommentar till skribenten</label>
              <textarea id="return-comment" name="comment" rows={2} required maxLength={2000} />
              <button type="submit" name="intent" value="return" className="button button-secondary">
                {STEP_LABEL.return}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
      {data.canEdit ? (
        <RecordEditor
          kind={kind}
          defaultValue={data.defaultValue}
          options={data.options}
          actionData={actionData}
          version={record.version}
          canSubmit={data.steps.includes("submit")}
        />
      ) : (
        <p className="notice">
          {record.status === "review"
            ? "Materialet väntar på granskning och kan inte ändras just nu. Redaktören skickar tillbaka det om något behöver ändras."
            : record.status === "published"
              ? "Materialet är publicerat, och bara redaktörer kan ändra det nu. Hör av dig till redaktionen om något behöver rättas."
              : "Materialet är arkiverat. En redaktör kan återöppna det som utkast."}
        </p>
      )}
    </div>
  );
}
