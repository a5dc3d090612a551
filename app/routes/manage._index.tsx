import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { ContinueReading } from "~/components/continue-reading";
import { WorkTable } from "~/components/work-table";
import { allPaths, organisationWork, reviewQueue, staleRecords } from "~/models/manage.server";
import { continueReading } from "~/models/progress.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { KIND_PATH, ROLE_LABEL, STATUS_LABEL } from "~/utils/labels";
import { WRITERS, isAdmin, isEditor, requireUser } from "~/utils/permissions.server";
import { RECORD_KINDS } from "../../db/schema";

const NEW_LABEL = { practice: "Nytt gott exempel", event: "Ny träff", activity: "Ny kompetensutveckling" } as const;

/** Each signed-in person's starting point: what they may write, their organisation's work, and for editors the queue. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const editor = isEditor(user);
  return json({
    user: { name: user.name, role: user.role, organisation: user.organisationName },
    canWrite: RECORD_KINDS.filter((k) => WRITERS[k].includes(user.role) && (editor || user.organisationId !== null)),
    work: await organisationWork(db, user),
    queue: editor ? await reviewQueue(db) : null,
    stale: editor ? await staleRecords(db, { today: new Date().toISOString().slice(0, 10) }) : null,
    paths: editor ? await allPaths(db) : null,
    editor,
    admin: isAdmin(user),
    passwordChanged: new URL(request.url).searchParams.get("password") === "changed",
    continuing: await continueReading(db, { userId: user.id, access: await getAccess(request) }),
  });
}

export default function Manage() {
  const { user, canWrite, work, queue, stale, paths, editor, admin, passwordChanged, continuing } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>Mitt arbete</h1>
      <p className="muted">
        Inloggad som {user.name}, {ROLE_LABEL[user.role].toLowerCase()}
        {user.organisation ? ` på ${user.organisation}` : ""}. <Link to="/manage/password">Byt lösenord</Link>
      </p>
      {passwordChanged ? (
        <p className="notice" role="status">
          Lösenordet är bytt. Dina andra inloggningar är avslutade.
        </p>
      ) : null}
      <ContinueReading items={continuing} />
      {canWrite.length > 0 ? (
        <ul className="button-row">
          {canWrite.map((k) => (
            <li key={k}>
              <Link className="button" to={`/${KIND_PATH[k]}/new`}>
                {NEW_LABEL[k]}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {canWrite.includes("event") ? (
        <p>
          <Link to="/events/import">Importera träffar från CSV</Link>
        </p>
      ) : null}
      {editor ? (
        <>
          <section className="section" aria-labelledby="queue">
            <h2 id="queue">Väntar på granskning</h2>
            <WorkTable items={queue ?? []} empty="Inget väntar på granskning just nu." />
          </section>
          <section className="section" aria-labelledby="stale">
            <h2 id="stale">Dags att se över</h2>
            <WorkTable items={stale ?? []} empty="Inget publicerat material har passerat sitt granskningsdatum." showReviewBy />
          </section>
          <section className="section" aria-labelledby="paths">
            <h2 id="paths">Lärvägar</h2>
            <ul>
              {(paths ?? []).map((p) => (
                <li key={p.slug}>
                  <Link to={`/paths/${p.slug}/edit`}>{p.title}</Link> ({STATUS_LABEL[p.status]})
                </li>
              ))}
            </ul>
            <Link className="button" to="/paths/new">
              Ny lärväg
            </Link>
          </section>
          <p className="section">
            <Link to="/dashboard">Lärdom i siffror</Link> ·{" "}
            <Link to="/manage/review">Granskning</Link> · <Link to="/manage/themes">Teman</Link> · <Link to="/manage/organisations">Organisationer</Link> · <Link to="/manage/export">Exportera</Link> · <Link to="/manage/import">Läs in seeds (zip)</Link>
            {admin ? (
              <>
                {" "}
                · <Link to="/manage/users">Konton och roller</Link>
              </>
            ) : null}
          </p>
        </>
      ) : null}
      {user.organisation ? (
        <section className="section" aria-labelledby="work">
          <h2 id="work">Från {user.organisation}</h2>
          <WorkTable items={work} empty="Inget material ännu." />
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Mitt arbete – Lärdom" }];
