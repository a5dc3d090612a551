import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { RecordGrid } from "~/components/record-card";
import { getOrganisation } from "~/models/organisation.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { ORGANISATION_KIND_LABEL } from "~/utils/labels";
import { slugParam } from "~/utils/params.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = slugParam(params.slug, "Organisationen");
  const organisation = await getOrganisation(getDb(), { slug, access: await getAccess(request) });
  if (!organisation) throw notFound("Organisationen finns inte.");
  return json({ organisation });
}

export default function OrganisationPage() {
  const { organisation: o } = useLoaderData<typeof loader>();
  const sections = [
    { id: "practices", title: "Goda exempel", records: o.practices },
    { id: "organised", title: "Träffar som organisationen ordnat", records: o.eventsOrganised },
    { id: "joined", title: "Träffar där organisationen deltog", records: o.eventsJoined },
    { id: "activities", title: "Kompetensutveckling som organisationen erbjuder", records: o.activities },
  ].filter((s) => s.records.length > 0);
  return (
    <>
      <header className="page-header">
        <p className="muted">{ORGANISATION_KIND_LABEL[o.kind]}</p>
        <h1>{o.name}</h1>
        <p className="lead">
          {o.municipality}, {o.county}
        </p>
      </header>
      {sections.length === 0 ? <p className="empty">Organisationen har inget publicerat material ännu.</p> : null}
      {sections.map((s) => (
        <section key={s.id} className="section" aria-labelledby={s.id}>
          <h2 id={s.id}>{s.title}</h2>
          <RecordGrid records={s.records} empty="" />
        </section>
      ))}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.organisation.name} – Lärdom` : "Lärdom" },
];
