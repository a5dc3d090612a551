import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { Markdown } from "~/components/markdown";
import { Facts, RecordHeader, RelatedRecords } from "~/components/record-page";
import { getActivity } from "~/models/activity.server";
import { relatedRecords } from "~/models/related.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { editLinkFor } from "~/utils/edit-link.server";
import { notFound } from "~/utils/http.server";
import { FORMAT_LABEL, LEVEL_LABEL, formatDate, formatNumber } from "~/utils/labels";
import { renderMarkdown } from "~/utils/markdown.server";
import { slugParam } from "~/utils/params.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const access = await getAccess(request);
  const activity = await getActivity(db, { slug: slugParam(params.slug, "Insatsen"), access });
  if (!activity) throw notFound("Insatsen finns inte, eller är inte publicerad.");
  return json({
    activity,
    editUrl: await editLinkFor(request, { kind: "activity", id: activity.id, slug: activity.slug }),
    bodyHtml: renderMarkdown(activity.body),
    related: await relatedRecords(db, { recordId: activity.id, access }),
  });
}

export default function ActivityPage() {
  const { activity, editUrl, bodyHtml, related } = useLoaderData<typeof loader>();
  const dates = activity.endsOn
    ? `${formatDate(activity.startsOn)} – ${formatDate(activity.endsOn)}`
    : formatDate(activity.startsOn);
  return (
    <article>
      <RecordHeader record={activity} editUrl={editUrl} />
      <Facts
        items={[
          ["Anordnare", <Link key="o" to={`/organisations/${activity.organisation.slug}`}>{activity.organisation.name}</Link>],
          ["Form", FORMAT_LABEL[activity.format]],
          ["Nivå", LEVEL_LABEL[activity.level]],
          ["Omfattning", `${formatNumber(activity.hours)} timmar`],
          ["Målgrupp", activity.targetGroup],
          ["När", dates],
          [
            "Färdigheter",
            activity.skills.length > 0 && (
              <ul className="inline-list">
                {activity.skills.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            ),
          ],
        ]}
      />
      <Markdown html={bodyHtml} lang={activity.language} />
      <RelatedRecords records={related} />
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.activity.title} – Lärdom` : "Lärdom" },
  { name: "description", content: data?.activity.summary ?? "" },
];
