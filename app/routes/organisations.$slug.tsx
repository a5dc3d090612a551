import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { RecordGrid } from "~/components/record-card";
import { useT } from "~/i18n";
import { getOrganisation } from "~/models/organisation.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { ORGANISATION_KIND_LABEL } from "~/utils/labels";
import { slugParam } from "~/utils/params.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = slugParam(params.slug, { sv: "Organisationen", en: "The organisation" });
  const organisation = await getOrganisation(getDb(), { slug, access: await getAccess(request) });
  if (!organisation) throw notFound({ sv: "Organisationen finns inte.", en: "The organisation does not exist." });
  return json({ organisation });
}

export default function OrganisationPage() {
  const t = useT();
  const { organisation: o } = useLoaderData<typeof loader>();
  const sections = [
    { id: "practices", title: t("Goda exempel", "Good practice"), records: o.practices },
    { id: "organised", title: t("Träffar som organisationen ordnat", "Events the organisation has arranged"), records: o.eventsOrganised },
    { id: "joined", title: t("Träffar där organisationen deltog", "Events the organisation took part in"), records: o.eventsJoined },
    { id: "activities", title: t("Kompetensutveckling som organisationen erbjuder", "Competence development the organisation offers"), records: o.activities },
  ].filter((s) => s.records.length > 0);
  return (
    <>
      <header className="page-header">
        <p className="muted">{t(ORGANISATION_KIND_LABEL[o.kind])}</p>
        <h1 lang="sv">{o.name}</h1>
        <p className="lead" lang="sv">
          {o.municipality}, {o.county}
        </p>
      </header>
      {sections.length === 0 ? <p className="empty">{t("Organisationen har inget publicerat material ännu.", "The organisation has no published material yet.")}</p> : null}
      {sections.map((s) => (
        <section key={s.id} className="section" aria-labelledby={s.id}>
          <h2 id={s.id}>{s.title}</h2>
          <RecordGrid records={s.records} empty="" />
        </section>
      ))}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.organisation.name} – Lärdom` : "Lärdom" }];
