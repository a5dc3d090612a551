import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";

import { ErrorList, Field } from "~/components/forms";
import { loginSchema } from "~/forms/login";
import { metaT, useT } from "~/i18n";
import { requestT } from "~/i18n/lang.server";
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
  const t = await requestT(request);
  const submission = parseSubmission(await readForm(request), loginSchema(t));
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const result = await signIn(getDb(), { email, password, address: clientAddress(context) });
  if (result.ok) return signInAndRedirect(result.user.id, safeRedirect(redirectTo));
  if (result.reason === "rate-limited") {
    return json(
      submission.reply({
        formErrors: [
          t(
            "För många misslyckade inloggningar. Vänta en kvart och försök igen.",
            "Too many failed sign-in attempts. Wait a quarter of an hour and try again.",
          ),
        ],
        hideFields: ["password"],
      }),
      { status: 429, headers: { "Retry-After": "900" } },
    );
  }
  return json(submission.reply({ formErrors: [t("Fel e-postadress eller lösenord.", "Wrong email address or password.")], hideFields: ["password"] }), {
    status: 400,
  });
}

export default function LoginPage() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema(t) }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="narrow">
      <h1>{t("Logga in", "Sign in")}</h1>
      <p className="muted">
        {t(
          "För dig som skriver, granskar eller läser medlemsmaterial i Lärdom.",
          "For people who write, review or read members-only material in Lärdom.",
        )}
      </p>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field label={t("E-postadress", "Email address")} meta={fields.email} type="email" autoComplete="email" />
        <Field label={t("Lösenord", "Password")} meta={fields.password} type="password" autoComplete="current-password" />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <button type="submit" className="button">
          {t("Logga in", "Sign in")}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("Logga in", "Sign in")} – Lärdom` }];
