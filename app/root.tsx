import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
} from "@remix-run/react";

import { AccountMenu } from "./components/account-menu";
import { FeedHeadLinks } from "./components/feed-links";
import { LanguageSwitch } from "./components/language-switch";
import { NavigationProgress } from "./components/navigation-progress";
import { metaT, useT, type Text } from "./i18n";
import { getLang } from "./i18n/lang.server";
import styles from "./styles/app.css";
import print from "./styles/print.css";
import { useNonce } from "./utils/nonce";
import { getUser } from "./utils/session.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: print, media: "print" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: "Lärdom" },
    {
      name: "description",
      content: t(
        "Lärdom samlar goda exempel, träffar och kompetensutveckling för industrins värdskap i Norra Mellansverige.",
        "Lärdom gathers good practice, events and competence development for hosting industry well in Norra Mellansverige.",
      ),
    },
  ];
};

/** Who is signed in, for the header's account menu, and the interface language. */
export async function loader({ request }: LoaderFunctionArgs) {
  const [user, lang] = await Promise.all([getUser(request), getLang(request)]);
  return json({ user: user && { name: user.name, role: user.role }, lang });
}

const NAV: Array<{ to: string; label: Text }> = [
  { to: "/themes", label: { sv: "Teman", en: "Themes" } },
  { to: "/practices", label: { sv: "Goda exempel", en: "Good practice" } },
  { to: "/events", label: { sv: "Träffar", en: "Events" } },
  { to: "/activities", label: { sv: "Kompetensutveckling", en: "Competence development" } },
  { to: "/paths", label: { sv: "Lärvägar", en: "Reading paths" } },
];

/** The document around every page, error pages included. */
export function Layout({ children }: { children: React.ReactNode }) {
  const t = useT();
  const nonce = useNonce();
  return (
    <html lang={t.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        <FeedHeadLinks />
      </head>
      <body>
        <NavigationProgress />
        <a className="skip-link" href="#main">
          {t("Hoppa till innehållet", "Skip to content")}
        </a>
        <header className="site-header">
          <div className="wrap header-inner">
            <Link to="/" className="brand">
              <span className="brand-name">Lärdom</span>
              <span className="brand-tagline">
                {t("Lärandemodellen för Smart industri i Norra Mellansverige", "The learning model of Smart industri i Norra Mellansverige")}
              </span>
            </Link>
            <nav aria-label={t("Huvudmeny", "Main menu")}>
              <ul className="nav">
                {NAV.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to}>{t(item.label)}</NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <form method="get" action="/search" role="search" className="header-search">
              <label htmlFor="header-q" className="visually-hidden">
                {t("Sök i Lärdom", "Search Lärdom")}
              </label>
              <input id="header-q" type="search" name="q" placeholder={t("Sök i Lärdom", "Search Lärdom")} />
              <button type="submit" className="button">
                {t("Sök", "Search")}
              </button>
            </form>
            <AccountMenu />
            <LanguageSwitch />
          </div>
        </header>
        <main id="main" className="wrap" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>
              {t(
                "Lärdom är kunskapsbanken i lärandemodellen för det bästa värdskapet för industriell verksamhet i Dalarna, Gävleborg och Värmland: erfarenhetsutbyten, goda exempel och kompetensutveckling.",
                "Lärdom is the knowledge base of the learning model for the best hosting of industrial activity in Dalarna, Gävleborg and Värmland: experience exchanges, good practice and competence development.",
              )}
            </p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

const ERROR_HEADING: Record<number, Text> = {
  400: { sv: "Felaktig adress eller uppgift", en: "Bad address or input" },
  403: { sv: "Ingen behörighet", en: "Not allowed" },
  404: { sv: "Sidan finns inte", en: "Page not found" },
  413: { sv: "För mycket på en gång", en: "Too much at once" },
};

const ERROR_HELP: Record<number, Text> = {
  403: {
    sv: "Ditt konto har inte rätt att se eller göra det här. Fråga en redaktör om du behöver det.",
    en: "Your account is not allowed to see or do this. Ask an editor if you need to.",
  },
  404: {
    sv: "Adressen stämmer inte med något i Lärdom. Den kan ha ändrats, eller så har materialet tagits bort.",
    en: "The address does not match anything in Lärdom. It may have changed, or the material may have been removed.",
  },
};

/** A thrown message is a pair in both languages, or one string that quotes the reader's input. */
function messageOf(data: unknown): Text | string | undefined {
  const message = (data as { message?: unknown } | null)?.message;
  if (typeof message === "string") return message;
  if (message && typeof message === "object" && "sv" in message && "en" in message) return message as Text;
  return undefined;
}

/** Friendly error pages in the reader's language; a 500 never shows what went wrong inside. */
export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const heading = ERROR_HEADING[status] ?? { sv: "Något gick fel", en: "Something went wrong" };
  const message = isRouteErrorResponse(error) ? messageOf(error.data) : undefined;
  const help =
    ERROR_HELP[status] ??
    (status >= 500
      ? { sv: "Ett oväntat fel inträffade hos oss. Försök igen om en stund.", en: "Something unexpected went wrong on our side. Please try again in a while." }
      : { sv: "Kontrollera adressen eller uppgifterna och försök igen.", en: "Check the address or what you entered and try again." });
  return (
    <div className="error-page">
      <title>{`${t(heading)} – Lärdom`}</title>
      <p className="error-code">{`${t("Fel", "Error")} ${status}`}</p>
      <h1>{t(heading)}</h1>
      {message ? <p>{typeof message === "string" ? message : t(message)}</p> : null}
      <p>{t(help)}</p>
      <ul className="error-links">
        <li>
          <Link to="/">{t("Till startsidan", "To the home page")}</Link>
        </li>
        <li>
          <Link to="/themes">{t("Bläddra bland teman", "Browse the themes")}</Link>
        </li>
        <li>
          <Link to="/search">{t("Sök i Lärdom", "Search Lärdom")}</Link>
        </li>
      </ul>
    </div>
  );
}
