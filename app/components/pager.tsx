import { Link, useLocation } from "@remix-run/react";

import { useT } from "~/i18n";

/** Previous/next links that keep the current filters. */
export function Pager({ page, pageCount }: { page: number; pageCount: number }) {
  const t = useT();
  const location = useLocation();
  if (pageCount <= 1) return null;
  const to = (n: number) => {
    const params = new URLSearchParams(location.search);
    if (n === 1) params.delete("page");
    else params.set("page", String(n));
    const search = params.toString();
    return search ? `?${search}` : location.pathname;
  };
  return (
    <nav className="pager" aria-label={t("Sidor", "Pages")}>
      {page > 1 ? (
        <Link to={to(page - 1)} rel="prev">
          {t("← Föregående", "← Previous")}
        </Link>
      ) : (
        <span />
      )}
      <span>{t(`Sida ${t.number(page)} av ${t.number(pageCount)}`, `Page ${t.number(page)} of ${t.number(pageCount)}`)}</span>
      {page < pageCount ? (
        <Link to={to(page + 1)} rel="next">
          {t("Nästa →", "Next →")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
