import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { DashboardView } from "~/components/dashboard-view";
import { metaT, useLang } from "~/i18n";
import { requestT } from "~/i18n/lang.server";
import { getDashboard } from "~/models/dashboard.server";
import { getDb } from "~/utils/db.server";
import { isEditor } from "~/utils/permissions.server";
import { getUser } from "~/utils/session.server";

/** GET /dashboard — public figures for anyone; editors also see the searches without results. */
export async function loader({ request }: LoaderFunctionArgs) {
  const editor = isEditor(await getUser(request));
  return json({ editor, figures: await getDashboard(getDb(), { editor, t: await requestT(request) }) });
}

export default function Dashboard() {
  const { figures, editor } = useLoaderData<typeof loader>();
  const lang = useLang();
  return <DashboardView figures={figures} editor={editor} lang={lang} />;
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("Lärdom i siffror", "Lärdom in figures")} – Lärdom` }];
