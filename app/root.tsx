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
import styles from "./styles/app.css";
import { getUser } from "./utils/session.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "Lärdom" },
  {
    name: "description",
    content: "Lärdom samlar goda exempel, träffar och kompetensutveckling för industrins värdskap i Norra Mellansverige.",
  },
];

/** Who is signed in, for the header's account menu. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return json({ user: user && { name: user.name, role: user.role } });
}

const NAV = [
  { to: "/themes", label: "Teman" },
  { to: "/practices", label: "Goda exempel" },
  { to: "/events", label: "Träffar" },
  { to: "/activities", label: "Kompetensutveckling" },
  { to: "/paths", label: "Lärvägar" },
];

/** The document around every page, error pages included. */
export function Layout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="sv">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        <FeedHeadLinks />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Hoppa till innehållet
        </a>
        <header className="site-header">
          <div className="wrap header-inner">
            <Link to="/" className="brand">
              <span className="brand-name">Lärdom</span>
              <span className="brand-tagline">Lärandemodellen för Smart industri i Norra Mellansverige</span>
            </Link>
            <nav aria-label="Huvudmeny">
              <ul className="nav">
                {NAV.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to}>{item.label}</NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <form method="get" action="/search" role="search" className="header-search">
              <label htmlFor="header-q" className="visually-hidden">
                Sök i Lärdom
              </label>
              <input id="header-q" type="search" name="q" placeholder="Sök i Lärdom" />
              <button type="submit" className="button">
                Sök
              </button>
            </form>
            <AccountMenu />
          </div>
        </header>
        <main id="main" className="wrap" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>
              Lärdom är kunskapsbanken i lärandemodellen för det bästa värdskapet för industriell verksamhet i
              Dalarna, Gävleborg och Värmland: erfarenhetsutbyten, goda exempel och kompetensutveckling.
            </p>
          </div>
        </footer>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** Friendly error pages; a 500 never shows what went wrong inside. */
export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const message = (error.data as { message?: string } | null)?.message;
    const heading =
      error.status === 404
        ? "Sidan finns inte"
        : error.status === 400
          ? "Felaktig adress"
          : error.status === 403
            ? "Ingen behörighet"
            : "Något gick fel";
    return (
      <div className="error-page">
        <title>{`${heading} – Lärdom`}</title>
        <p className="error-code">{`Fel ${error.status}`}</p>
        <h1>{heading}</h1>
        <p>{message ?? "Adressen stämmer inte med något i Lärdom."}</p>
        <p>
          <Link to="/">Till startsidan</Link> · <Link to="/themes">Bläddra bland teman</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="error-page">
      <title>Något gick fel – Lärdom</title>
      <p className="error-code">Fel 500</p>
      <h1>Något gick fel</h1>
      <p>Ett oväntat fel inträffade hos oss. Försök igen om en stund.</p>
      <p>
        <Link to="/">Till startsidan</Link>
      </p>
    </div>
  );
}
