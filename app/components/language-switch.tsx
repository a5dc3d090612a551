import { Form, useLocation } from "@remix-run/react";

import { useT } from "~/i18n";

/**
 * Switches the interface between Swedish and English. A form, so it works without JavaScript;
 * the choice is kept in a cookie and the address stays the same.
 */
export function LanguageSwitch() {
  const t = useT();
  const location = useLocation();
  const other = t.lang === "sv" ? "en" : "sv";
  return (
    <Form method="post" action="/language" className="language-switch">
      <input type="hidden" name="lang" value={other} />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <button type="submit" className="link-button" lang={other}>
        {other === "en" ? "In English" : "På svenska"}
      </button>
    </Form>
  );
}
