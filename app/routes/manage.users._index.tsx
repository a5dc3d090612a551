import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { ErrorList, Field, SelectField } from "~/components/forms";
import { AccountSchema, NewAccountSchema } from "~/forms/manage";
import { organisationOptions } from "~/models/options.server";
import { createUser, listUsers, updateAccount, UserError } from "~/models/user.server";
import { getDb } from "~/utils/db.server";
import { badRequest, notFound } from "~/utils/http.server";
import { ROLE_LABEL } from "~/utils/labels";
import { requireAdmin } from "~/utils/permissions.server";
import { parseSubmission, readForm } from "~/utils/request.server";
import { ROLES } from "../../db/schema";

const UpdateSchema = AccountSchema.extend({ userId: z.number().int().min(1) });

async function organisationId(slug: string | undefined) {
  if (!slug) return null;
  const org = await getDb().selectFrom("organisations").select("id").where("slug", "=", slug).executeTakeFirst();
  if (!org) throw badRequest("Okänd organisation.");
  return org.id;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const db = getDb();
  return json({ users: await listUsers(db), organisations: await organisationOptions(db), done: new URL(request.url).searchParams.get("done") });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const formData = await readForm(request);
  const db = getDb();
  if (formData.get("intent") === "create") {
    const submission = parseSubmission(formData, NewAccountSchema);
    if (submission.status !== "success") return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
    try {
      const { organisation, ...rest } = submission.value;
      await createUser(db, { ...rest, organisationId: await organisationId(organisation) });
    } catch (error) {
      if (error instanceof UserError) return json(submission.reply({ formErrors: [error.message], hideFields: ["password"] }), { status: 400 });
      throw error;
    }
    return redirect("/manage/users?done=created");
  }
  const submission = parseSubmission(formData, UpdateSchema);
  if (submission.status !== "success") throw badRequest("Ogiltiga uppgifter för kontot.");
  const { userId, role, organisation, disabled } = submission.value;
  if (userId === admin.id && (role !== "admin" || disabled)) throw badRequest("Du kan inte ta bort din egen administratörsbehörighet.");
  if (!(await updateAccount(db, { userId, role, organisationId: await organisationId(organisation), disabled }))) throw notFound("Kontot finns inte.");
  return redirect("/manage/users?done=updated");
}

export default function ManageUsers() {
  const { users, organisations, done } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-account",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewAccountSchema }),
    shouldValidate: "onBlur",
  });
  const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }));
  const orgOptions = [{ value: "", label: "Ingen" }, ...organisations];
  return (
    <div>
      <nav className="breadcrumb" aria-label="Brödsmulor">
        <Link to="/manage">Mitt arbete</Link>
      </nav>
      <h1>Konton och roller</h1>
      {done ? <p className="notice" role="status">{done === "created" ? "Kontot är skapat." : "Kontot är ändrat; dess inloggningar är avslutade."}</p> : null}
      <table className="data-table">
        <thead>
          <tr><th>Namn</th><th>E-post</th><th>Roll, organisation och spärr</th></tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>
                <Form method="post" className="form-actions">
                  <input type="hidden" name="userId" value={u.id} />
                  <select name="role" defaultValue={u.role} aria-label={`Roll för ${u.name}`}>
                    {roleOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                  </select>
                  <select name="organisation" defaultValue={u.organisationSlug ?? ""} aria-label={`Organisation för ${u.name}`}>
                    {orgOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                  </select>
                  <label><input type="checkbox" name="disabled" value="on" defaultChecked={u.disabled} /> Spärrat</label>
                  <button type="submit" className="link-button">Spara</button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Nytt konto</h2>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field label="E-postadress" meta={fields.email} type="email" />
        <Field label="Namn" meta={fields.name} />
        <SelectField label="Roll" meta={fields.role} options={[{ value: "", label: "Välj …" }, ...roleOptions]} />
        <SelectField label="Organisation" meta={fields.organisation} options={orgOptions} />
        <Field label="Lösenord" meta={fields.password} type="password" autoComplete="new-password" hint="Minst 12 tecken. Ge det till personen på ett säkert sätt." />
        <button type="submit" name="intent" value="create" className="button">Skapa konto</button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Konton och roller – Lärdom" }];
