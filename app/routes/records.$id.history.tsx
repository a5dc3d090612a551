import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { CompareForm, RevisionTable, VersionDiff } from "~/components/revision-history";
import { metaT, useT } from "~/i18n";
import { ConflictError } from "~/models/authoring.server";
import { recordById } from "~/models/manage.server";
import { diffValues, listRevisions, recordLanguage, revisionNote, revisionValues } from "~/models/revision.server";
import { restoreRevision, WorkflowError } from "~/models/workflow.server";
import { recordChanged } from "~/search/service.server";
import { getDb } from "~/utils/db.server";
import { badRequest, notFound } from "~/utils/http.server";
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
  if (!record) throw notFound({ sv: "Det finns inget sådant.", en: "That record does not exist." });
  if (!canView(user, record)) throw forbidden();
  return { user, record };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, record } = await visibleRecord(request, params.id);
  const db = getDb();
  const revisions = await listRevisions(db, record.id);
  const query = Compare.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw badRequest({ sv: "Ogiltiga versioner att jämföra.", en: "Those versions cannot be compared." });
  const to = query.data.to ?? revisions[0]?.version;
  const from = query.data.from ?? revisions.find((r) => r.version < (to ?? 0))?.version;
  const [a, b] = await Promise.all([
    from ? revisionValues(db, { recordId: record.id, kind: record.kind, version: from }) : null,
    to ? revisionValues(db, { recordId: record.id, kind: record.kind, version: to }) : null,
  ]);
  return json({
    record,
    language: await recordLanguage(db, record.id),
    revisions: revisions.map((r) => ({ version: r.version, createdAt: r.createdAt, author: r.author, note: revisionNote(r.note) })),
    from,
    to,
    diff: a && b ? diffValues(a, b) : null,
    editUrl: editUrl(record.kind, record.slug),
    canRestore: canEdit(user, record),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, record } = await visibleRecord(request, params.id);
  if (!canEdit(user, record)) {
    throw forbidden({
      sv: "Du kan inte återställa det här materialet i dess nuvarande läge.",
      en: "You cannot restore this material in its current state.",
    });
  }
  const parsed = Restore.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) throw badRequest({ sv: "Välj en version att återställa.", en: "Choose a version to restore." });
  const db = getDb();
  try {
    await restoreRevision(db, { id: record.id, kind: record.kind, version: parsed.data.restore, expectedVersion: parsed.data.version, user });
  } catch (error) {
    if (error instanceof WorkflowError) throw json({ message: error.text }, { status: error.status });
    if (error instanceof ConflictError) {
      const message = {
        sv: "Någon annan har ändrat posten under tiden. Ladda om och försök igen.",
        en: "Someone else has changed this in the meantime. Reload and try again.",
      };
      throw json({ message }, { status: 409 });
    }
    throw error;
  }
  await recordChanged(db, record.id);
  return redirect(`${editUrl(record.kind, record.slug)}?saved=restored`);
}

export default function History() {
  const t = useT();
  const { record, language, revisions, from, to, diff, editUrl, canRestore } = useLoaderData<typeof loader>();
  return (
    <div>
      <nav aria-label={t("Brödsmulor", "Breadcrumb")} className="breadcrumb">
        <Link to={editUrl}>{t("Tillbaka till redigeringen", "Back to editing")}</Link>
      </nav>
      <h1>
        {t("Historik:", "History:")} <span lang={language}>{record.title}</span>
      </h1>
      <CompareForm revisions={revisions} from={from} to={to} />
      {diff ? <VersionDiff diff={diff} from={from} to={to} lang={language} /> : null}
      <RevisionTable revisions={revisions} current={record.version} canRestore={canRestore} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("Historik", "History")} – Lärdom` }];
