import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";

import { ErrorList, Field } from "~/components/forms";
import { PasswordSchema } from "~/forms/login";
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
  const submission = parseSubmission(await readForm(request), PasswordSchema);
  const hide = { hideFields: ["current", "password", "confirm"] };
  if (submission.status !== "success") return json(submission.reply(hide), { status: 400 });
  const db = getDb();
  if (!(await checkPassword(db, { userId: user.id, password: submission.value.current }))) {
    return json(submission.reply({ fieldErrors: { current: ["Det nuvarande lösenordet stämmer inte."] }, ...hide }), { status: 400 });
  }
  await changePassword(db, { userId: user.id, password: submission.value.password });
  return signInAndRedirect(user.id, "/manage?password=changed");
}

export default function ChangePassword() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "password",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PasswordSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="narrow">
      <nav className="breadcrumb" aria-label="Brödsmulor">
        <Link to="/manage">Mitt arbete</Link>
      </nav>
      <h1>Byt lösenord</h1>
      <p className="muted">Alla dina inloggningar på andra enheter avslutas när du byter.</p>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field label="Nuvarande lösenord" meta={fields.current} type="password" autoComplete="current-password" />
        <Field label="Nytt lösenord" meta={fields.password} type="password" autoComplete="new-password" hint="Minst 12 tecken." />
        <Field label="Nytt lösenord igen" meta={fields.confirm} type="password" autoComplete="new-password" />
        <button type="submit" className="button">
          Byt lösenord
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Byt lösenord – Lärdom" }];
