import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { ConflictError } from "~/models/authoring.server";
import { recordById } from "~/models/manage.server";
import { diffValues, listRevisions, revisionValues } from "~/models/revision.server";
import { restoreRevision, WorkflowError } from "~/models/workflow.server";
import { recordChanged } from "~/search/service.server";
import { getDb } from "~/utils/db.server";
import { badRequest, notFound } from "~/utils/http.server";
import { FIELD_LABEL, formatDate } from "~/utils/labels";
import { idParam } from "~/utils/params.server";
import { canEdit, canView, forbidden, requireUser } from "~/utils/permissions.server";
import { editUrl } from "~/utils/record-form.server";
import { readForm } from "~/utils/request.server";

const Compare = z.object({
  from: z.coerce.number().int().min(1).optional(),
  to: z.coerce.number().int().min(1).optional(),
});
const Restore = z.object({ restore: z.coerce.number().int().min(1), version: z.coerce.number().int().min(1) });

async function visibleRecord(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  const record = await recordById(getDb(), idParam(id));
  if (!record) throw notFound("Det finns inget sådant.");
  if (!canView(user, record)) throw forbidden();
  return { user, record };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, record } = await visibleRecord(request, params.id);
  const db = getDb();
  const revisions = await listRevisions(db, record.id);
  const query = Compare.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw badRequest("Ogiltiga versioner att jämföra.");
  const to = query.data.to ?? revisions[0]?.version;
  const from = query.data.from ?? revisions.find((r) => r.version < (to ?? 0))?.version;
  const [a, b] = await Promise.all([
    from ? revisionValues(db, { recordId: record.id, kind: record.kind, version: from }) : null,
    to ? revisionValues(db, { recordId: record.id, kind: record.kind, version: to }) : null,
  ]);
  return json({
    record,
    revisions,
    from,
    to,
    diff: a && b ? diffValues(a, b) : null,
    editUrl: editUrl(record.kind, record.slug),
    canRestore: canEdit(user, record),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, record } = await visibleRecord(request, params.id);
  if (!canEdit(user, record)) throw forbidden("Du kan inte återställa det här materialet i dess nuvarande läge.");
  const parsed = Restore.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) throw badRequest("Välj en version att återställa.");
  const db = getDb();
  try {
    await restoreRevision(db, { id: record.id, kind: record.kind, version: parsed.data.restore, expectedVersion: parsed.data.version, user });
  } catch (error) {
    if (error instanceof WorkflowError) throw json({ message: error.message }, { status: error.status });
    if (error instanceof ConflictError) throw json({ message: "Någon annan har ändrat posten under tiden. Ladda om och försök igen." }, { status: 409 });
    throw error;
  }
  await recordChanged(db, record.id);
  return redirect(`${editUrl(record.kind, record.slug)}?saved=restored`);
}

export default function History() {
  const { record, revisions, from, to, diff, editUrl, canRestore } = useLoaderData<typeof loader>();
  return (
    <div>
      <nav aria-label="Brödsmulor" className="breadcrumb">
        <Link to={editUrl}>Tillbaka till redigeringen</Link>
      </nav>
      <h1>Historik: {record.title}</h1>
      <Form method="get" className="form-actions">
        <label>
          Jämför version{" "}
          <select name="from" defaultValue={from ?? ""}>
            {revisions.map((r) => (
              <option key={r.version} value={r.version}>{r.version}</option>
            ))}
          </select>
        </label>
        <label>
          med{" "}
          <select name="to" defaultValue={to ?? ""}>
            {revisions.map((r) => (
              <option key={r.version} value={r.version}>{r.version}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button-secondary">Jämför</button>
      </Form>
      {diff ? (
        <section aria-labelledby="diff-heading" className="section">
          <h2 id="diff-heading">Ändringar från version {from} till {to}</h2>
          {diff.length === 0 ? <p className="empty">Innehållet är detsamma (bara arbetsflödet ändrades).</p> : null}
          {diff.map((d) => (
            <div key={d.field}>
              <h3>{FIELD_LABEL[d.field] ?? d.field}</h3>
              <ul className="diff">
                {d.lines.map((line, i) => (
                  <li key={i}>{line.op === "add" ? <ins>+ {line.text}</ins> : line.op === "del" ? <del>− {line.text}</del> : `  ${line.text}`}</li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}
      <table className="data-table">
        <thead>
          <tr><th>Version</th><th>När</th><th>Vem</th><th>Vad</th><th><span className="visually-hidden">Återställ</span></th></tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.version}>
              <td>{r.version}</td>
              <td>{formatDate(r.createdAt)} {r.createdAt.slice(11, 16)}</td>
              <td>{r.author ?? "Inläsning"}</td>
              <td>{r.note}</td>
              <td>
                {canRestore && r.version !== record.version ? (
                  <Form method="post">
                    <input type="hidden" name="version" value={record.version} />
                    <button type="submit" name="restore" value={r.version} className="link-button">Återställ version {r.version}</button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Historik – Lärdom" }];
