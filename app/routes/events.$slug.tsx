import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { Markdown } from "~/components/markdown";
import { Facts, LinkedRecords, RecordHeader, RecordLink, RelatedRecords } from "~/components/record-page";
import { useT } from "~/i18n";
import { getEvent } from "~/models/event.server";
import { relatedRecords } from "~/models/related.server";
import type { RecordSummary } from "~/models/record.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { editLinkFor } from "~/utils/edit-link.server";
import { notFound } from "~/utils/http.server";
import { EVENT_TYPE_LABEL } from "~/utils/labels";
import { renderMarkdown } from "~/utils/markdown.server";
import { slugParam } from "~/utils/params.server";
import { mayWrite } from "~/utils/permissions.server";
import { getUser } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const access = await getAccess(request);
  const event = await getEvent(db, { slug: slugParam(params.slug, { sv: "Träffen", en: "The event" }), access });
  if (!event) throw notFound({ sv: "Träffen finns inte, eller är inte publicerad.", en: "The event does not exist, or is not published." });
  return json({
    event,
    editUrl: await editLinkFor(request, { kind: "event", id: event.id, slug: event.slug }),
    bodyHtml: renderMarkdown(event.body, { topHeading: 3 }),
    related: await relatedRecords(db, { recordId: event.id, access }),
    // Writers of practices may start one from a lesson; /practices/new checks again.
    mayStartPractice: mayWrite(await getUser(request), "practice"),
  });
}

/** Under a lesson: the practices that grew out of it, and for writers a way to start one. */
function LessonFollowUp({ eventSlug, lessonId, practices, mayStart }: { eventSlug: string; lessonId: number; practices: RecordSummary[]; mayStart: boolean }) {
  const t = useT();
  const start = `/practices/new?${new URLSearchParams({ fromEvent: eventSlug, lesson: String(lessonId) })}`;
  return (
    <>
      {practices.length > 0 ? (
        <p className="hint">
          {practices.length === 1 ? t("Blev gott exempel: ", "Became good practice: ") : t("Blev goda exempel: ", "Became good practices: ")}
          {practices.map((p, i) => (
            <span key={p.id}>
              {i > 0 ? ", " : ""}
              <RecordLink record={p} />
            </span>
          ))}
        </p>
      ) : null}
      {mayStart ? (
        <p className="hint">
          <Link to={start}>{t("Gör ett gott exempel av lärdomen", "Make a good practice of the lesson")}</Link>
        </p>
      ) : null}
    </>
  );
}

export default function EventPage() {
  const t = useT();
  const { event, editUrl, bodyHtml, related, mayStartPractice } = useLoaderData<typeof loader>();
  const dates = event.endsOn && event.endsOn !== event.startsOn ? `${t.date(event.startsOn)} – ${t.date(event.endsOn)}` : t.date(event.startsOn);
  return (
    <article>
      <RecordHeader record={event} editUrl={editUrl} />
      <Facts
        items={[
          [t("Typ", "Type"), t(EVENT_TYPE_LABEL[event.type])],
          [t("Datum", "Date"), dates],
          [t("Plats", "Place"), <span key="l" lang="sv">{`${event.location} (${event.municipality})`}</span>],
          [t("Arrangör", "Organiser"), <Link key="o" to={`/organisations/${event.organisation.slug}`} lang="sv">{event.organisation.name}</Link>],
          [t("Deltagare", "Participants"), t.number(event.participantCount)],
          [
            t("Medverkande organisationer", "Participating organisations"),
            event.participants.length > 0 && (
              <ul className="inline-list" lang="sv">
                {event.participants.map((p) => (
                  <li key={p.slug}>
                    <Link to={`/organisations/${p.slug}`}>{p.name}</Link>
                  </li>
                ))}
              </ul>
            ),
          ],
        ]}
      />
      <section className="section lessons" aria-labelledby="lessons">
        <h2 id="lessons">{t("Lärdomar", "Lessons learned")}</h2>
        <ol>
          {event.lessons.map((l) => (
            <li key={l.id} id={`lardom-${l.id}`}>
              <span lang={event.language}>{l.text}</span>
              <LessonFollowUp eventSlug={event.slug} lessonId={l.id} practices={l.practices} mayStart={mayStartPractice} />
            </li>
          ))}
        </ol>
      </section>
      <section className="section" aria-labelledby="minutes">
        <h2 id="minutes">{t("Från träffen", "From the event")}</h2>
        <Markdown html={bodyHtml} lang={event.language} />
      </section>
      <LinkedRecords id="became" title={t("Blev goda exempel", "Became good practice")} records={event.practices} />
      <RelatedRecords records={related} />
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.event.title} – Lärdom` : "Lärdom" },
  { name: "description", content: data?.event.summary ?? "" },
];
