import { Form, Link } from "@remix-run/react";

import type { RecordKind, RecordStatus } from "../../db/schema";
import { useT, type Text } from "~/i18n";
import { KIND_PATH, KIND_PLURAL, STATUS_LABEL, recordUrl } from "~/utils/labels";

import { RecordEditor, type EditorActionData } from "./record-editor";
import type { Options } from "./record-fields";

type Step = "submit" | "publish" | "return" | "archive" | "reopen";

const STEP_LABEL: Record<Step, Text> = {
  submit: { sv: "Skicka för granskning", en: "Submit for review" },
  publish: { sv: "Publicera", en: "Publish" },
  return: { sv: "Skicka tillbaka till skribenten", en: "Send back to the writer" },
  archive: { sv: "Arkivera", en: "Archive" },
  reopen: { sv: "Återöppna som utkast", en: "Reopen as a draft" },
};

const SAVED: Record<string, Text> = {
  created: { sv: "Utkastet är sparat.", en: "The draft is saved." },
  saved: { sv: "Ändringarna är sparade.", en: "Your changes are saved." },
  submitted: { sv: "Sparat och skickat för granskning. En redaktör tittar på det.", en: "Saved and submitted for review. An editor will look at it." },
  publish: { sv: "Publicerat.", en: "Published." },
  return: { sv: "Skickat tillbaka med din kommentar.", en: "Sent back with your comment." },
  archive: { sv: "Arkiverat.", en: "Archived." },
  reopen: { sv: "Återöppnat som utkast.", en: "Reopened as a draft." },
  submit: { sv: "Skickat för granskning.", en: "Submitted for review." },
  restored: { sv: "Den gamla versionen är återställd som en ny version.", en: "The old version is restored as a new version." },
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
  const t = useT();
  const { kind, record } = data;
  const language = data.defaultValue.language === "en" ? "en" : "sv";
  const saved = data.saved ? SAVED[data.saved] : undefined;
  return (
    <div>
      <nav aria-label={t("Brödsmulor", "Breadcrumb")} className="breadcrumb">
        <Link to="/manage">{t("Mitt arbete", "My work")}</Link> · <Link to={`/${KIND_PATH[kind]}`}>{t(KIND_PLURAL[kind])}</Link>
      </nav>
      <h1>
        {data.canEdit ? `${t("Redigera:", "Edit:")} ` : ""}
        <span lang={language}>{String(data.defaultValue.title ?? "")}</span>
      </h1>
      <p>
        <span className="status">{t(STATUS_LABEL[record.status])}</span> · {t("version", "version")} {t.number(record.version)} ·{" "}
        <Link to={`/records/${record.id}/history`}>{t("Historik", "History")}</Link>
        {record.status === "published" ? (
          <>
            {" "}
            · <Link to={recordUrl(kind, record.slug)}>{t("Visa publicerad sida", "View the published page")}</Link>
          </>
        ) : null}
      </p>
      {saved ? (
        <p className="notice" role="status">
          {t(saved)}
        </p>
      ) : null}
      {record.reviewComment ? (
        <div className="notice notice-warning">
          <strong>{t("Redaktörens kommentar:", "The editor's comment:")}</strong> <span lang="sv">{record.reviewComment}</span>
        </div>
      ) : null}
      {data.steps.length > 0 ? <WorkflowButtons recordId={record.id} version={record.version} steps={data.steps} /> : null}
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
            ? t(
                "Materialet väntar på granskning och kan inte ändras just nu. Redaktören skickar tillbaka det om något behöver ändras.",
                "The material is awaiting review and cannot be changed just now. The editor will send it back if anything needs changing.",
              )
            : record.status === "published"
              ? t(
                  "Materialet är publicerat, och bara redaktörer kan ändra det nu. Hör av dig till redaktionen om något behöver rättas.",
                  "The material is published, and only editors can change it now. Contact the editors if anything needs correcting.",
                )
              : t("Materialet är arkiverat. En redaktör kan återöppna det som utkast.", "The material is archived. An editor can reopen it as a draft.")}
        </p>
      )}
    </div>
  );
}

/** The workflow steps this person may take, each a small form posting to the workflow route. */
function WorkflowButtons({ recordId, version, steps }: { recordId: number; version: number; steps: Step[] }) {
  const t = useT();
  return (
    <section aria-label={t("Arbetsflöde", "Workflow")} className="form-actions">
      {steps
        .filter((s) => s !== "return")
        .map((step) => (
          <Form key={step} method="post" action={`/records/${recordId}/workflow`}>
            <input type="hidden" name="version" value={version} />
            <button type="submit" name="intent" value={step} className="button button-secondary">
              {t(STEP_LABEL[step])}
            </button>
          </Form>
        ))}
      {steps.includes("return") ? (
        <Form method="post" action={`/records/${recordId}/workflow`} className="form">
          <input type="hidden" name="version" value={version} />
          <label htmlFor="return-comment">{t("Kommentar till skribenten", "Comment for the writer")}</label>
          <textarea id="return-comment" name="comment" rows={2} required maxLength={2000} />
          <button type="submit" name="intent" value="return" className="button button-secondary">
            {t(STEP_LABEL.return)}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
