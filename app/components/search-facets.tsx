import { Link } from "@remix-run/react";

import { useT } from "~/i18n";
import type { ThemeNode } from "~/models/theme.server";
import { KIND_PLURAL } from "~/utils/labels";

import type { RecordKind } from "../../db/schema";
import { themeName } from "./theme-chips";

export interface FacetCounts {
  kind: Record<string, number>;
  theme: Record<string, number>;
  county: Record<string, number>;
  year: Record<string, number>;
}

/** Builds a /search URL from the current parameters with one changed (page always reset). */
export type HrefFor = (name: string, value: string | null) => string;

interface FacetOption {
  value: string;
  label: string;
  child: boolean;
  /** Set where the label is content in another language than the interface's (a theme's Swedish name). */
  lang?: string;
}

/** Facet filters as plain links: each shows how many results choosing it would give. */
export function SearchFacets({
  facets,
  selected,
  themes,
  hrefFor,
}: {
  facets: FacetCounts;
  selected: Record<string, string>;
  themes: ThemeNode[];
  hrefFor: HrefFor;
}) {
  const t = useT();
  const option = (theme: { slug: string; name: string; nameEn: string }, child: boolean): FacetOption => {
    const name = themeName(t, theme);
    return { value: theme.slug, label: name.text, lang: name.lang, child };
  };
  const themeOptions = themes.flatMap((theme) => [option(theme, false), ...theme.children.map((c) => option(c, true))]);
  const groups: { name: keyof FacetCounts; title: string; options: FacetOption[] }[] = [
    {
      name: "kind",
      title: t("Typ", "Type"),
      options: (Object.keys(KIND_PLURAL) as RecordKind[]).map((k) => ({ value: k, label: t(KIND_PLURAL[k]), child: false })),
    },
    { name: "theme", title: t("Tema", "Theme"), options: themeOptions },
    { name: "county", title: t("Län", "County"), options: ["Dalarna", "Gävleborg", "Värmland"].map((c) => ({ value: c, label: c, child: false })) },
    {
      name: "year",
      title: t("År", "Year"),
      options: Object.keys(facets.year)
        .sort()
        .reverse()
        .map((y) => ({ value: y, label: y, child: false })),
    },
  ];
  return (
    <nav className="facets" aria-label={t("Avgränsa sökningen", "Narrow the search")}>
      {groups.map((group) => {
        const counts = facets[group.name];
        const current = selected[group.name];
        const options = group.options.filter((o) => counts[o.value] || o.value === current);
        if (options.length === 0) return null;
        return (
          <section key={group.name} className="facet" aria-labelledby={`facet-${group.name}`}>
            <h2 id={`facet-${group.name}`}>{group.title}</h2>
            <ul>
              {options.map((o) =>
                o.value === current ? (
                  <li key={o.value} className={o.child ? "facet-child" : undefined}>
                    <strong aria-current="true" lang={o.lang}>
                      {o.label}
                    </strong>{" "}
                    <Link to={hrefFor(group.name, null)} className="facet-remove">
                      {t("(ta bort", "(remove")}
                      <span className="visually-hidden">
                        {t(" filtret ", " the filter ")}
                        <span lang={o.lang}>{o.label}</span>
                      </span>
                      )
                    </Link>
                  </li>
                ) : (
                  <li key={o.value} className={o.child ? "facet-child" : undefined}>
                    <Link to={hrefFor(group.name, o.value)} lang={o.lang}>
                      {o.label}
                    </Link>{" "}
                    <span className="count">{t.number(counts[o.value] ?? 0)}</span>
                  </li>
                ),
              )}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
