import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";

import { ErrorList, Field } from "~/components/forms";
import { passwordSchema } from "~/forms/login";
import { metaT, useT } from "~/i18n";
import { requestT } from "~/i18n/lang.server";
import { changePassword, checkPassword } from "~/models/user.server";
import { getDb } from "~/utils/db.server";
import { requireUser } from "~/utils/permissions.server";
import { parseSubmission, readForm } from "~/utils/request.server";
import { signInAndRedirect } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return json({});
}

/** A new password ends every session of the account (others' devices too); this one gets a fresh session. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = await requestT(request);
  const submission = parseSubmission(await readForm(request), passwordSchema(t));
  const hide = { hideFields: ["current", "password", "confirm"] };
  if (submission.status !== "success") return json(submission.reply(hide), { status: 400 });
  const db = getDb();
  if (!(await checkPassword(db, { userId: user.id, password: submission.value.current }))) {
    return json(submission.reply({ fieldErrors: { current: [t("Det nuvarande lösenordet stämmer inte.", "The current password is not right.")] }, ...hide }), { status: 400 });
  }
  await changePassword(db, { userId: user.id, password: submission.value.password });
  return signInAndRedirect(user.id, "/manage?password=changed");
}

export default function ChangePassword() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "password",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: passwordSchema(t) }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="narrow">
      <nav className="breadcrumb" aria-label={t("Brödsmulor", "Breadcrumb")}>
        <Link to="/manage">{t("Mitt arbete", "My work")}</Link>
      </nav>
      <h1>{t("Byt lösenord", "Change password")}</h1>
      <p className="muted">
        {t("Alla dina inloggningar på andra enheter avslutas när du byter.", "Changing it signs you out on all your other devices.")}
      </p>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field label={t("Nuvarande lösenord", "Current password")} meta={fields.current} type="password" autoComplete="current-password" />
        <Field
          label={t("Nytt lösenord", "New password")}
          meta={fields.password}
          type="password"
          autoComplete="new-password"
          hint={t("Minst 12 tecken.", "At least 12 characters.")}
        />
        <Field label={t("Nytt lösenord igen", "New password again")} meta={fields.confirm} type="password" autoComplete="new-password" />
        <button type="submit" className="button">
          {t("Byt lösenord", "Change password")}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("Byt lösenord", "Change password")} – Lärdom` }];
