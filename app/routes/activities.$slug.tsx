import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { Markdown } from "~/components/markdown";
import { Facts, RecordHeader, RelatedRecords } from "~/components/record-page";
import { useT } from "~/i18n";
import { getActivity } from "~/models/activity.server";
import { relatedRecords } from "~/models/related.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { editLinkFor } from "~/utils/edit-link.server";
import { notFound } from "~/utils/http.server";
import { FORMAT_LABEL, LEVEL_LABEL } from "~/utils/labels";
import { renderMarkdown } from "~/utils/markdown.server";
import { slugParam } from "~/utils/params.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const access = await getAccess(request);
  const activity = await getActivity(db, { slug: slugParam(params.slug, { sv: "Insatsen", en: "The activity" }), access });
  if (!activity) throw notFound({ sv: "Insatsen finns inte, eller är inte publicerad.", en: "The activity does not exist, or is not published." });
  return json({
    activity,
    editUrl: await editLinkFor(request, { kind: "activity", id: activity.id, slug: activity.slug }),
    bodyHtml: renderMarkdown(activity.body),
    related: await relatedRecords(db, { recordId: activity.id, access }),
  });
}

export default function ActivityPage() {
  const t = useT();
  const { activity, editUrl, bodyHtml, related } = useLoaderData<typeof loader>();
  const dates = activity.endsOn ? `${t.date(activity.startsOn)} – ${t.date(activity.endsOn)}` : t.date(activity.startsOn);
  return (
    <article>
      <RecordHeader record={activity} editUrl={editUrl} />
      <Facts
        items={[
          [t("Anordnare", "Provider"), <Link key="o" to={`/organisations/${activity.organisation.slug}`} lang="sv">{activity.organisation.name}</Link>],
          [t("Form", "Format"), t(FORMAT_LABEL[activity.format])],
          [t("Nivå", "Level"), t(LEVEL_LABEL[activity.level])],
          [t("Omfattning", "Length"), t.plural(activity.hours, { sv: "timme", en: "hour" }, { sv: "timmar", en: "hours" })],
          [t("Målgrupp", "Target group"), activity.targetGroup && <span lang={activity.language}>{activity.targetGroup}</span>],
          [t("När", "When"), dates],
          [
            t("Färdigheter", "Skills"),
            activity.skills.length > 0 && (
              <ul className="inline-list" lang={activity.language}>
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
