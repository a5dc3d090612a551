import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";

import { ErrorList, Field } from "~/components/forms";
import { LoginSchema } from "~/forms/login";
import { signIn } from "~/models/user.server";
import { getDb } from "~/utils/db.server";
import { clientAddress, parseSubmission, readForm } from "~/utils/request.server";
import { getUser, safeRedirect, signInAndRedirect } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseSubmission(await readForm(request), LoginSchema);
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const result = await signIn(getDb(), { email, password, address: clientAddress(context) });
  if (result.ok) return signInAndRedirect(result.user.id, safeRedirect(redirectTo));
  if (result.reason === "rate-limited") {
    return json(
      submission.reply({
        formErrors: ["För många misslyckade inloggningar. Vänta en kvart och försök igen."],
        hideFields: ["password"],
      }),
      { status: 429, headers: { "Retry-After": "900" } },
    );
  }
  return json(submission.reply({ formErrors: ["Fel e-postadress eller lösenord."], hideFields: ["password"] }), {
    status: 400,
  });
}

export default function LoginPage() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="narrow">
      <h1>Logga in</h1>
      <p className="muted">För dig som skriver, granskar eller läser medlemsmaterial i Lärdom.</p>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field label="E-postadress" meta={fields.email} type="email" autoComplete="email" />
        <Field label="Lösenord" meta={fields.password} type="password" autoComplete="current-password" />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <button type="submit" className="button">
          Logga in
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Logga in – Lärdom" }];
