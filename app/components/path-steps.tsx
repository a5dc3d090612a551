import { Form, Link } from "@remix-run/react";

import { useT } from "~/i18n";
import type { PathStep } from "~/models/path.server";
import { KIND_LABEL, recordUrl } from "~/utils/labels";

/** A reading path's steps as cards; a signed-in reader marks each read or unread. */
export function PathSteps({ steps, read, signedIn }: { steps: PathStep[]; read: Set<number>; signedIn: boolean }) {
  const t = useT();
  const hours = (n: number) => t.plural(n, { sv: "timme", en: "hour" }, { sv: "timmar", en: "hours" });
  return (
    <ol className="path-steps">
      {steps.map((step) => (
        <li key={step.recordId} id={`step-${step.recordId}`} className={`card${read.has(step.recordId) ? " step-done" : ""}`}>
          <p className="card-meta">
            <span className={`badge badge-${step.kind}`}>{t(KIND_LABEL[step.kind])}</span>{" "}
            {step.optional ? <span className="badge badge-optional">{t("Valfritt", "Optional")}</span> : null}{" "}
            <span className="facts">
              {t(`${t.number(step.readingMinutes)} min läsning`, `${t.number(step.readingMinutes)} min reading`)}
              {step.activityHours
                ? t(` · insatsen omfattar ${hours(step.activityHours)}`, ` · the activity itself takes ${hours(step.activityHours)}`)
                : ""}
            </span>
          </p>
          <h2 className="card-title" lang={step.language}>
            <Link to={recordUrl(step.kind, step.slug)}>{step.title}</Link>
          </h2>
          {step.note ? (
            <p className="step-note" lang="sv">
              {step.note}
            </p>
          ) : null}
          <p className="card-summary" lang={step.language}>
            {step.summary}
          </p>
          {signedIn ? (
            <Form method="post" className="step-form">
              <input type="hidden" name="record" value={step.recordId} />
              {read.has(step.recordId) ? (
                <button type="submit" name="done" value="no" className="link-button">
                  {t("Läst ✓ ", "Read ✓ ")}
                  <span className="muted">{t("(ångra)", "(undo)")}</span>
                </button>
              ) : (
                <button type="submit" name="done" value="yes" className="button">
                  {t("Markera som läst", "Mark as read")}
                </button>
              )}
            </Form>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
