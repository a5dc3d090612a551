import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { DashboardView } from "~/components/dashboard-view";
import { getDashboard } from "~/models/dashboard.server";
import { getDb } from "~/utils/db.server";
import { isEditor } from "~/utils/permissions.server";
import { getUser } from "~/utils/session.server";

/** GET /dashboard — public figures for anyone; editors also see the searches without results. */
export async function loader({ request }: LoaderFunctionArgs) {
  const editor = isEditor(await getUser(request));
  return json({ editor, figures: await getDashboard(getDb(), { editor }) });
}

export default function Dashboard() {
  const { figures, editor } = useLoaderData<typeof loader>();
  return <DashboardView figures={figures} editor={editor} />;
}

export const meta: MetaFunction = () => [{ title: "Lärdom i siffror – Lärdom" }];
