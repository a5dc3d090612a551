import { Link, useLocation } from "@remix-run/react";

/** Previous/next links that keep the current filters. */
export function Pager({ page, pageCount }: { page: number; pageCount: number }) {
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
    <nav className="pager" aria-label="Sidor">
      {page > 1 ? <Link to={to(page - 1)} rel="prev">← Föregående</Link> : <span />}
      <span>
        Sida {page} av {pageCount}
      </span>
      {page < pageCount ? <Link to={to(page + 1)} rel="next">Nästa →</Link> : <span />}
    </nav>
  );
}
