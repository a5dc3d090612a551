import { useLocation } from "@remix-run/react";

export interface Feed {
  href: string;
  type: "application/atom+xml" | "text/calendar";
  title: string;
  /** The visible link's text. */
  label: string;
}

const ATOM = "application/atom+xml" as const;
const CALENDAR: Feed = {
  href: "/feeds/events.ics",
  type: "text/calendar",
  title: "Lärdom – träffar (iCalendar)",
  label: "Prenumerera på träffarna i din kalender (iCalendar)",
};

/** The feeds each page announces, by its path; the list pages narrow them to their kind. */
export function feedsFor(pathname: string): Feed[] {
  const path = pathname.replace(/\/+$/, "") || "/";
  if (path === "/") return [{ href: "/feeds/records.atom", type: ATOM, title: "Lärdom – nytt (Atom)", label: "Nytt i Lärdom som flöde (Atom)" }];
  if (path === "/practices") return [{ href: "/feeds/records.atom?kind=practice", type: ATOM, title: "Lärdom – goda exempel (Atom)", label: "Nya goda exempel som flöde (Atom)" }];
  if (path === "/activities") return [{ href: "/feeds/records.atom?kind=activity", type: ATOM, title: "Lärdom – kompetensutveckling (Atom)", label: "Ny kompetensutveckling som flöde (Atom)" }];
  if (path === "/events") return [{ href: "/feeds/records.atom?kind=event", type: ATOM, title: "Lärdom – träffar (Atom)", label: "Nya träffar som flöde (Atom)" }, CALENDAR];
  if (/^\/events\/[a-z0-9-]+$/.test(path)) return [CALENDAR];
  const theme = /^\/themes\/([a-z0-9-]+)$/.exec(path)?.[1];
  if (theme) {
    return [
      { href: `/feeds/records.atom?theme=${theme}`, type: ATOM, title: "Lärdom – nytt i temat (Atom)", label: "Nytt i temat som flöde (Atom)" },
      { ...CALENDAR, href: `/feeds/events.ics?theme=${theme}`, title: "Lärdom – temats träffar (iCalendar)", label: "Temats träffar i din kalender (iCalendar)" },
    ];
  }
  return [];
}

/** `<link rel="alternate">` for the current page's feeds, inside the document head. */
export function FeedHeadLinks() {
  const { pathname } = useLocation();
  return (
    <>
      {feedsFor(pathname).map((f) => (
        <link key={f.href} rel="alternate" type={f.type} title={f.title} href={f.href} />
      ))}
    </>
  );
}

/** The visible links to the current page's feeds; `theme` narrows them to a theme filter. */
export function FeedLinks({ theme }: { theme?: string }) {
  const { pathname } = useLocation();
  const feeds = feedsFor(pathname);
  if (feeds.length === 0) return null;
  const withTheme = (href: string) => (theme ? `${href}${href.includes("?") ? "&" : "?"}theme=${encodeURIComponent(theme)}` : href);
  return (
    <p className="feed-links">
      {feeds.map((f, i) => (
        <span key={f.href}>
          {i > 0 ? " · " : ""}
          <a href={withTheme(f.href)} type={f.type}>
            {f.label}
            {theme ? " (valt tema)" : ""}
          </a>
        </span>
      ))}
    </p>
  );
}
