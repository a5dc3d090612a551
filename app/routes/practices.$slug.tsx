import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { Markdown } from "~/components/markdown";
import { Facts, LinkedRecords, RecordHeader, RelatedRecords } from "~/components/record-page";
import { useT } from "~/i18n";
import { getPractice } from "~/models/practice.server";
import { relatedRecords } from "~/models/related.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { editLinkFor } from "~/utils/edit-link.server";
import { notFound } from "~/utils/http.server";
import { FIELD_LABEL, recordUrl } from "~/utils/labels";
import { renderMarkdown } from "~/utils/markdown.server";
import { slugParam } from "~/utils/params.server";

/** The practice's own fields, under the headings the form names them by (the body comes first, apart). */
const SECTIONS = ["problem", "solution", "results", "resources", "transferability", "difficulties"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const access = await getAccess(request);
  const practice = await getPractice(db, { slug: slugParam(params.slug, { sv: "Det goda exemplet", en: "The good practice" }), access });
  if (!practice) {
    throw notFound({ sv: "Det goda exemplet finns inte, eller är inte publicerat.", en: "The good practice does not exist, or is not published." });
  }
  return json({
    practice,
    editUrl: await editLinkFor(request, { kind: "practice", id: practice.id, slug: practice.slug }),
    sections: SECTIONS.map((key) => ({ key, html: renderMarkdown(practice[key], { topHeading: 3 }) })),
    bodyHtml: renderMarkdown(practice.body),
    related: await relatedRecords(db, { recordId: practice.id, access }),
  });
}

export default function PracticePage() {
  const t = useT();
  const { practice, editUrl, sections, bodyHtml, related } = useLoaderData<typeof loader>();
  const { organisation: o, adoptedFrom, fromEvent, fromLesson } = practice;
  return (
    <article>
      <RecordHeader record={practice} editUrl={editUrl} />
      <Facts
        items={[
          [t("Organisation", "Organisation"), <Link key="o" to={`/organisations/${o.slug}`} lang="sv">{o.name}</Link>],
          [t("Ort", "Location"), <span key="m" lang="sv">{`${o.municipality}, ${o.county}`}</span>],
          [t("Publicerat", "Published"), t.date(practice.publishedOn)],
          [
            t("Hämtat från", "Adopted from"),
            adoptedFrom && (
              <span lang={adoptedFrom.language}>
                <Link to={recordUrl("practice", adoptedFrom.slug)}>{adoptedFrom.title}</Link>
              </span>
            ),
          ],
          [
            t("Idén kom från", "The idea came from"),
            fromEvent && (
              <>
                <span lang={fromEvent.language}>
                  <Link to={recordUrl("event", fromEvent.slug)}>{fromEvent.title}</Link>
                </span>
                {fromLesson ? (
                  <>
                    {t(", lärdomen ”", ", the lesson “")}
                    <span lang={fromEvent.language}>
                      <Link to={`${recordUrl("event", fromEvent.slug)}#lardom-${fromLesson.id}`}>{fromLesson.text}</Link>
                    </span>
                    ”
                  </>
                ) : null}
              </>
            ),
          ],
        ]}
      />
      <Markdown html={bodyHtml} lang={practice.language} />
      {sections
        .filter((s) => s.html)
        .map((s) => (
          <section key={s.key} className="section" aria-labelledby={`s-${s.key}`}>
            <h2 id={`s-${s.key}`}>{t(FIELD_LABEL[s.key])}</h2>
            <Markdown html={s.html} lang={practice.language} />
          </section>
        ))}
      <LinkedRecords id="adopted-by" title={t("Har tagits upp av andra", "Taken up by others")} records={practice.adoptedBy} />
      <RelatedRecords records={related} />
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.practice.title} – Lärdom` : "Lärdom" },
  { name: "description", content: data?.practice.summary ?? "" },
];
