import { Form, Link, useLocation, useRouteLoaderData } from "@remix-run/react";

import type { Role } from "../../db/schema";
import { useT } from "~/i18n";
import { ROLE_LABEL } from "~/utils/labels";

/** The header's corner: the signed-in person's name with a way out, or a way in. */
export function AccountMenu() {
  const t = useT();
  const data = useRouteLoaderData<{ user: { name: string; role: Role } | null }>("root");
  const location = useLocation();
  const user = data?.user;
  if (!user) {
    const back = location.pathname === "/login" ? "/" : `${location.pathname}${location.search}`;
    return (
      <p className="account-menu">
        <Link to={`/login?${new URLSearchParams({ redirectTo: back })}`}>{t("Logga in", "Sign in")}</Link>
      </p>
    );
  }
  return (
    <div className="account-menu">
      <Link to="/manage" title={t(ROLE_LABEL[user.role])}>
        {user.name}
      </Link>
      <Form method="post" action="/logout">
        <button type="submit" className="link-button">
          {t("Logga ut", "Sign out")}
        </button>
      </Form>
    </div>
  );
}
