import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { ContinueReading } from "~/components/continue-reading";
import { WorkTable } from "~/components/work-table";
import { metaT, useT, type Text } from "~/i18n";
import { allPaths, organisationWork, reviewQueue, staleRecords } from "~/models/manage.server";
import { continueReading } from "~/models/progress.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { KIND_PATH, ROLE_LABEL, STATUS_LABEL } from "~/utils/labels";
import { WRITERS, isAdmin, isEditor, requireUser } from "~/utils/permissions.server";
import { RECORD_KINDS } from "../../db/schema";

const NEW_LABEL: Record<(typeof RECORD_KINDS)[number], Text> = {
  practice: { sv: "Nytt gott exempel", en: "New good practice" },
  event: { sv: "Ny träff", en: "New event" },
  activity: { sv: "Ny kompetensutveckling", en: "New competence development" },
};

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
  const t = useT();
  const noQueue = t("Inget väntar på granskning just nu.", "Nothing is waiting for review at the moment.");
  const noStale = t("Inget publicerat material har passerat sitt granskningsdatum.", "No published material is past its review date.");
  return (
    <div>
      <h1>{t("Mitt arbete", "My work")}</h1>
      <p className="muted">
        {t("Inloggad som", "Signed in as")} {user.name}, {t(ROLE_LABEL[user.role]).toLowerCase()}
        {user.organisation ? (
          <>
            {t(" på ", " at ")}
            <span lang="sv">{user.organisation}</span>
          </>
        ) : null}
        . <Link to="/manage/password">{t("Byt lösenord", "Change password")}</Link>
      </p>
      {passwordChanged ? (
        <p className="notice" role="status">
          {t("Lösenordet är bytt. Dina andra inloggningar är avslutade.", "Your password has been changed. You have been signed out everywhere else.")}
        </p>
      ) : null}
      <ContinueReading items={continuing} />
      {canWrite.length > 0 ? (
        <ul className="button-row">
          {canWrite.map((k) => (
            <li key={k}>
              <Link className="button" to={`/${KIND_PATH[k]}/new`}>
                {t(NEW_LABEL[k])}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {canWrite.includes("event") ? (
        <p>
          <Link to="/events/import">{t("Importera träffar från CSV", "Import events from CSV")}</Link>
        </p>
      ) : null}
      {editor ? (
        <>
          <section className="section" aria-labelledby="queue">
            <h2 id="queue">{t("Väntar på granskning", "Awaiting review")}</h2>
            <WorkTable items={queue ?? []} empty={noQueue} />
          </section>
          <section className="section" aria-labelledby="stale">
            <h2 id="stale">{t("Dags att se över", "Due for review")}</h2>
            <WorkTable items={stale ?? []} empty={noStale} showReviewBy />
          </section>
          <section className="section" aria-labelledby="paths">
            <h2 id="paths">{t("Lärvägar", "Reading paths")}</h2>
            <ul>
              {(paths ?? []).map((p) => (
                <li key={p.slug}>
                  <Link to={`/paths/${p.slug}/edit`} lang="sv">
                    {p.title}
                  </Link>{" "}
                  ({t(STATUS_LABEL[p.status])})
                </li>
              ))}
            </ul>
            <Link className="button" to="/paths/new">
              {t("Ny lärväg", "New learning path")}
            </Link>
          </section>
          <p className="section">
            <Link to="/dashboard">{t("Lärdom i siffror", "Lärdom in figures")}</Link> · <Link to="/manage/review">{t("Granskning", "Review")}</Link> ·{" "}
            <Link to="/manage/themes">{t("Teman", "Themes")}</Link> · <Link to="/manage/organisations">{t("Organisationer", "Organisations")}</Link> ·{" "}
            <Link to="/manage/export">{t("Exportera", "Export")}</Link> · <Link to="/manage/import">{t("Läs in seeds (zip)", "Load seeds (zip)")}</Link>
            {admin ? (
              <>
                {" "}
                · <Link to="/manage/users">{t("Konton och roller", "Accounts and roles")}</Link>
              </>
            ) : null}
          </p>
        </>
      ) : null}
      {user.organisation ? (
        <section className="section" aria-labelledby="work">
          <h2 id="work">
            {t("Från", "From")} <span lang="sv">{user.organisation}</span>
          </h2>
          <WorkTable items={work} empty={t("Inget material ännu.", "No material yet.")} />
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("Mitt arbete", "My work")} – Lärdom` }];
