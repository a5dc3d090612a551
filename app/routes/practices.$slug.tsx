import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { Markdown } from "~/components/markdown";
import { Facts, LinkedRecords, RecordHeader, RelatedRecords } from "~/components/record-page";
import { MARKDOWN_FIELDS } from "~/forms/record";
import { getPractice } from "~/models/practice.server";
import { relatedRecords } from "~/models/related.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { editLinkFor } from "~/utils/edit-link.server";
import { notFound } from "~/utils/http.server";
import { formatDate, recordUrl } from "~/utils/labels";
import { renderMarkdown } from "~/utils/markdown.server";
import { slugParam } from "~/utils/params.server";

/** The practice's own fields under their headings, as the form names them (the body comes first, apart). */
const SECTIONS = MARKDOWN_FIELDS.practice.filter(([key]) => key !== "body") as [PracticeField, string][];
type PracticeField = "problem" | "solution" | "results" | "resources" | "transferability" | "difficulties";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const access = await getAccess(request);
  const practice = await getPractice(db, { slug: slugParam(params.slug, "Det goda exemplet"), access });
  if (!practice) throw notFound("Det goda exemplet finns inte, eller är inte publicerat.");
  return json({
    practice,
    editUrl: await editLinkFor(request, { kind: "practice", id: practice.id, slug: practice.slug }),
    sections: SECTIONS.map(([key, heading]) => ({ key, heading, html: renderMarkdown(practice[key], { topHeading: 3 }) })),
    bodyHtml: renderMarkdown(practice.body),
    related: await relatedRecords(db, { recordId: practice.id, access }),
  });
}

export default function PracticePage() {
  const { practice, editUrl, sections, bodyHtml, related } = useLoaderData<typeof loader>();
  return (
    <article>
      <RecordHeader record={practice} editUrl={editUrl} />
      <Facts
        items={[
          ["Organisation", <Link key="o" to={`/organisations/${practice.organisation.slug}`}>{practice.organisation.name}</Link>],
          ["Ort", `${practice.organisation.municipality}, ${practice.organisation.county}`],
          ["Publicerat", formatDate(practice.publishedOn)],
          [
            "Hämtat från",
            practice.adoptedFrom && (
              <Link to={recordUrl("practice", practice.adoptedFrom.slug)}>{practice.adoptedFrom.title}</Link>
            ),
          ],
          [
            "Idén kom från",
            practice.fromEvent && (
              <>
                <Link to={recordUrl("event", practice.fromEvent.slug)}>{practice.fromEvent.title}</Link>
                {practice.fromLesson ? (
                  <>
                    , lärdomen ”<Link to={`${recordUrl("event", practice.fromEvent.slug)}#lardom-${practice.fromLesson.id}`}>{practice.fromLesson.text}</Link>”
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
            <h2 id={`s-${s.key}`}>{s.heading}</h2>
            <Markdown html={s.html} lang={practice.language} />
          </section>
        ))}
      <LinkedRecords id="adopted-by" title="Har tagits upp av andra" records={practice.adoptedBy} />
      <RelatedRecords records={related} />
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.practice.title} – Lärdom` : "Lärdom" },
  { name: "description", content: data?.practice.summary ?? "" },
];
