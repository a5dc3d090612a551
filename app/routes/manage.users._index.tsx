import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { ErrorList, Field, SelectField, type ChoiceOption } from "~/components/forms";
import { accountSchema, newAccountSchema } from "~/forms/manage";
import { metaT, useT } from "~/i18n";
import { requestT } from "~/i18n/lang.server";
import { organisationOptions } from "~/models/options.server";
import { createUser, listUsers, updateAccount, UserError } from "~/models/user.server";
import { getDb } from "~/utils/db.server";
import { badRequest, notFound } from "~/utils/http.server";
import { ROLE_LABEL } from "~/utils/labels";
import { requireAdmin } from "~/utils/permissions.server";
import { parseSubmission, readForm } from "~/utils/request.server";
import { ROLES } from "../../db/schema";

async function organisationId(slug: string | undefined) {
  if (!slug) return null;
  const org = await getDb().selectFrom("organisations").select("id").where("slug", "=", slug).executeTakeFirst();
  if (!org) throw badRequest({ sv: "Okänd organisation.", en: "Unknown organisation." });
  return org.id;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const db = getDb();
  return json({ users: await listUsers(db), organisations: await organisationOptions(db), done: new URL(request.url).searchParams.get("done") });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const t = await requestT(request);
  const formData = await readForm(request);
  const db = getDb();
  if (formData.get("intent") === "create") {
    const submission = parseSubmission(formData, newAccountSchema(t));
    if (submission.status !== "success") return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
    try {
      const { organisation, ...rest } = submission.value;
      await createUser(db, { ...rest, organisationId: await organisationId(organisation) });
    } catch (error) {
      if (error instanceof UserError) return json(submission.reply({ formErrors: [t(error.text)], hideFields: ["password"] }), { status: 400 });
      throw error;
    }
    return redirect("/manage/users?done=created");
  }
  const submission = parseSubmission(formData, accountSchema(t).extend({ userId: z.number().int().min(1) }));
  if (submission.status !== "success") throw badRequest({ sv: "Ogiltiga uppgifter för kontot.", en: "The account details are not valid." });
  const { userId, role, organisation, disabled } = submission.value;
  if (userId === admin.id && (role !== "admin" || disabled)) {
    throw badRequest({ sv: "Du kan inte ta bort din egen administratörsbehörighet.", en: "You cannot remove your own administrator rights." });
  }
  if (!(await updateAccount(db, { userId, role, organisationId: await organisationId(organisation), disabled }))) {
    throw notFound({ sv: "Kontot finns inte.", en: "The account does not exist." });
  }
  return redirect("/manage/users?done=updated");
}

export default function ManageUsers() {
  const { users, organisations, done } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    id: "new-account",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newAccountSchema(t) }),
    shouldValidate: "onBlur",
  });
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(ROLE_LABEL[r]) }));
  const orgOptions: ChoiceOption[] = [{ value: "", label: t("Ingen", "None") }, ...organisations.map((o) => ({ lang: "sv", ...o }))];
  const notice = done === "created" ? t("Kontot är skapat.", "The account has been created.") : t("Kontot är ändrat; dess inloggningar är avslutade.", "The account has been changed and signed out everywhere.");
  return (
    <div>
      <nav className="breadcrumb" aria-label={t("Brödsmulor", "Breadcrumbs")}>
        <Link to="/manage">{t("Mitt arbete", "My work")}</Link>
      </nav>
      <h1>{t("Konton och roller", "Accounts and roles")}</h1>
      {done ? <p className="notice" role="status">{notice}</p> : null}
      <table className="data-table">
        <thead>
          <tr>
            <th>{t("Namn", "Name")}</th>
            <th>{t("E-post", "Email")}</th>
            <th>{t("Roll, organisation och spärr", "Role, organisation and blocking")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>
                <Form method="post" className="form-actions">
                  <input type="hidden" name="userId" value={u.id} />
                  <select name="role" defaultValue={u.role} aria-label={t(`Roll för ${u.name}`, `Role for ${u.name}`)}>
                    {roleOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                  </select>
                  <select name="organisation" defaultValue={u.organisationSlug ?? ""} aria-label={t(`Organisation för ${u.name}`, `Organisation for ${u.name}`)}>
                    {orgOptions.map((o) => <option key={o.value} value={o.value} lang={o.lang}>{o.label}</option>)}
                  </select>
                  <label><input type="checkbox" name="disabled" value="on" defaultChecked={u.disabled} /> {t("Spärrat", "Blocked")}</label>
                  <button type="submit" className="link-button">{t("Spara", "Save")}</button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("Nytt konto", "New account")}</h2>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field label={t("E-postadress", "Email address")} meta={fields.email} type="email" />
        <Field label={t("Namn", "Name")} meta={fields.name} />
        <SelectField label={t("Roll", "Role")} meta={fields.role} options={[{ value: "", label: t("Välj …", "Choose …") }, ...roleOptions]} />
        <SelectField label={t("Organisation", "Organisation")} meta={fields.organisation} options={orgOptions} />
        <Field
          label={t("Lösenord", "Password")}
          meta={fields.password}
          type="password"
          autoComplete="new-password"
          hint={t("Minst 12 tecken. Ge det till personen på ett säkert sätt.", "At least 12 characters. Give it to the person in a safe way.")}
        />
        <button type="submit" name="intent" value="create" className="button">{t("Skapa konto", "Create account")}</button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("Konton och roller", "Accounts and roles")} – Lärdom` }];
