import { Link } from "@remix-run/react";

import { useT } from "~/i18n";
import { KIND_LABEL } from "~/utils/labels";

import type { RecordKind } from "../../db/schema";
import { ThemeChips } from "./theme-chips";

export interface Hit {
  kind: RecordKind;
  slug: string;
  title: string;
  url: string;
  /** HTML from the server: escaped text with <mark> around matched words. */
  snippet: string;
  language: "sv" | "en";
  themes: { slug: string; name: string }[];
  organisation: string;
  publishedOn: string | null;
}

/** The hits; `nameEn` gives the themes' English names by slug (the index holds only the Swedish). */
export function SearchHits({ hits, start, nameEn = {} }: { hits: Hit[]; start: number; nameEn?: Record<string, string> }) {
  const t = useT();
  return (
    <ol className="hits" start={start}>
      {hits.map((hit) => (
        <li key={hit.url} className="card">
          <p className="card-meta">
            <span className={`badge badge-${hit.kind}`}>{t(KIND_LABEL[hit.kind])}</span>{" "}
            <span className="facts">
              <span lang="sv">{hit.organisation}</span>
              {hit.publishedOn ? ` · ${t.date(hit.publishedOn)}` : ""}
            </span>
          </p>
          <h2 className="card-title" lang={hit.language}>
            <Link to={hit.url}>{hit.title}</Link>
          </h2>
          {/* The snippet is escaped on the server; only <mark> is markup. */}
          <p className="snippet" lang={hit.language} dangerouslySetInnerHTML={{ __html: hit.snippet }} />
          <ThemeChips themes={hit.themes.map((theme) => ({ ...theme, nameEn: nameEn[theme.slug] }))} />
        </li>
      ))}
    </ol>
  );
}

/** What to try when a search found nothing. */
export function NoResults({ hasFilters, clearHref }: { hasFilters: boolean; clearHref: string }) {
  const t = useT();
  return (
    <div className="no-results">
      <h2>{t("Inget matchade", "Nothing matched")}</h2>
      <ul>
        <li>{t("Kontrollera stavningen, eller prova ett närliggande ord.", "Check the spelling, or try a related word.")}</li>
        <li>{t("Använd färre ord: alla ord måste finnas i en träff.", "Use fewer words: every word must be in a result.")}</li>
        <li>
          {t("Sök på ett kortare ord: ”", "Search for a shorter word: “")}
          <span lang="sv">underhåll</span>
          {t("” hittar också ”", "” also finds “")}
          <span lang="sv">underhållsplaneringen</span>”.
        </li>
        {hasFilters ? (
          <li>
            <Link to={clearHref}>{t("Ta bort filtren", "Remove the filters")}</Link>
            {t(" och sök i allt material.", " and search all the material.")}
          </li>
        ) : null}
        <li>
          {t("Eller bläddra bland ", "Or browse the ")}
          <Link to="/themes">{t("värdskapsteman", "hosting themes")}</Link>.
        </li>
      </ul>
    </div>
  );
}
