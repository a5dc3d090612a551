import { useLocation } from "@remix-run/react";

import { useT, type Translate } from "~/i18n";

export interface Feed {
  href: string;
  type: "application/atom+xml" | "text/calendar";
  title: string;
  /** The visible link's text. */
  label: string;
}

const ATOM = "application/atom+xml" as const;

/** The feeds each page announces, by its path, titled in the reader's language; the list pages narrow them to their kind. */
export function feedsFor(pathname: string, t: Translate): Feed[] {
  const path = pathname.replace(/\/+$/, "") || "/";
  const calendar: Feed = {
    href: "/feeds/events.ics",
    type: "text/calendar",
    title: t("Lärdom – träffar (iCalendar)", "Lärdom – events (iCalendar)"),
    label: t("Prenumerera på träffarna i din kalender (iCalendar)", "Subscribe to the events in your calendar (iCalendar)"),
  };
  /** A feed of records; title and label as [Swedish, English]. */
  const atom = (href: string, [titleSv, titleEn]: [string, string], [labelSv, labelEn]: [string, string]): Feed => ({
    href,
    type: ATOM,
    title: t(titleSv, titleEn),
    label: t(labelSv, labelEn),
  });
  if (path === "/") return [atom("/feeds/records.atom", ["Lärdom – nytt (Atom)", "Lärdom – new (Atom)"], ["Nytt i Lärdom som flöde (Atom)", "New in Lärdom as a feed (Atom)"])];
  if (path === "/practices") {
    return [atom("/feeds/records.atom?kind=practice", ["Lärdom – goda exempel (Atom)", "Lärdom – good practice (Atom)"], ["Nya goda exempel som flöde (Atom)", "New good practice as a feed (Atom)"])];
  }
  if (path === "/activities") {
    return [
      atom(
        "/feeds/records.atom?kind=activity",
        ["Lärdom – kompetensutveckling (Atom)", "Lärdom – competence development (Atom)"],
        ["Ny kompetensutveckling som flöde (Atom)", "New competence development as a feed (Atom)"],
      ),
    ];
  }
  if (path === "/events") {
    return [atom("/feeds/records.atom?kind=event", ["Lärdom – träffar (Atom)", "Lärdom – events (Atom)"], ["Nya träffar som flöde (Atom)", "New events as a feed (Atom)"]), calendar];
  }
  if (/^\/events\/[a-z0-9-]+$/.test(path)) return [calendar];
  const theme = /^\/themes\/([a-z0-9-]+)$/.exec(path)?.[1];
  if (theme) {
    return [
      atom(`/feeds/records.atom?theme=${theme}`, ["Lärdom – nytt i temat (Atom)", "Lärdom – new in the theme (Atom)"], ["Nytt i temat som flöde (Atom)", "New in the theme as a feed (Atom)"]),
      {
        ...calendar,
        href: `/feeds/events.ics?theme=${theme}`,
        title: t("Lärdom – temats träffar (iCalendar)", "Lärdom – the theme's events (iCalendar)"),
        label: t("Temats träffar i din kalender (iCalendar)", "The theme's events in your calendar (iCalendar)"),
      },
    ];
  }
  return [];
}

/** `<link rel="alternate">` for the current page's feeds, inside the document head. */
export function FeedHeadLinks() {
  const t = useT();
  const { pathname } = useLocation();
  return (
    <>
      {feedsFor(pathname, t).map((f) => (
        <link key={f.href} rel="alternate" type={f.type} title={f.title} href={f.href} />
      ))}
    </>
  );
}

/** The visible links to the current page's feeds; `theme` narrows them to a theme filter. */
export function FeedLinks({ theme }: { theme?: string }) {
  const t = useT();
  const { pathname } = useLocation();
  const feeds = feedsFor(pathname, t);
  if (feeds.length === 0) return null;
  const withTheme = (href: string) => (theme ? `${href}${href.includes("?") ? "&" : "?"}theme=${encodeURIComponent(theme)}` : href);
  return (
    <p className="feed-links">
      {feeds.map((f, i) => (
        <span key={f.href}>
          {i > 0 ? " · " : ""}
          <a href={withTheme(f.href)} type={f.type}>
            {f.label}
            {theme ? t(" (valt tema)", " (chosen theme)") : ""}
          </a>
        </span>
      ))}
    </p>
  );
}
