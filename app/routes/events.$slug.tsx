import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { Markdown } from "~/components/markdown";
import { Facts, LinkedRecords, RecordHeader, RelatedRecords } from "~/components/record-page";
import { getEvent } from "~/models/event.server";
import { relatedRecords } from "~/models/related.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { editLinkFor } from "~/utils/edit-link.server";
import { notFound } from "~/utils/http.server";
import { EVENT_TYPE_LABEL, formatDate, formatNumber } from "~/utils/labels";
import { renderMarkdown } from "~/utils/markdown.server";
import { slugParam } from "~/utils/params.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const access = await getAccess(request);
  const event = await getEvent(db, { slug: slugParam(params.slug, "Träffen"), access });
  if (!event) throw notFound("Träffen finns inte, eller är inte publicerad.");
  return json({
    event,
    editUrl: await editLinkFor(request, { kind: "event", id: event.id, slug: event.slug }),
    bodyHtml: renderMarkdown(event.body, { topHeading: 3 }),
    related: await relatedRecords(db, { recordId: event.id, access }),
  });
}

export default function EventPage() {
  const { event, editUrl, bodyHtml, related } = useLoaderData<typeof loader>();
  const dates = event.endsOn && event.endsOn !== event.startsOn
    ? `${formatDate(event.startsOn)} – ${formatDate(event.endsOn)}`
    : formatDate(event.startsOn);
  return (
    <article>
      <RecordHeader record={event} editUrl={editUrl} />
      <Facts
        items={[
          ["Typ", EVENT_TYPE_LABEL[event.type]],
          ["Datum", dates],
          ["Plats", `${event.location} (${event.municipality})`],
          ["Arrangör", <Link key="o" to={`/organisations/${event.organisation.slug}`}>{event.organisation.name}</Link>],
          ["Deltagare", formatNumber(event.participantCount)],
          [
            "Medverkande organisationer",
            event.participants.length > 0 && (
              <ul className="inline-list">
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
        <h2 id="lessons">Lärdomar</h2>
        <ol lang={event.language}>
          {event.lessons.map((l) => (
            <li key={l.id}>{l.text}</li>
          ))}
        </ol>
      </section>
      <section className="section" aria-labelledby="minutes">
        <h2 id="minutes">Från träffen</h2>
        <Markdown html={bodyHtml} lang={event.language} />
      </section>
      <LinkedRecords id="became" title="Blev goda exempel" records={event.practices} />
      <RelatedRecords records={related} />
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.event.title} – Lärdom` : "Lärdom" },
  { name: "description", content: data?.event.summary ?? "" },
];
