import { Link } from "@remix-run/react";

import type { ThemeNode } from "~/models/theme.server";
import { KIND_PLURAL } from "~/utils/labels";

import type { RecordKind } from "../../db/schema";

export interface FacetCounts {
  kind: Record<string, number>;
  theme: Record<string, number>;
  county: Record<string, number>;
  year: Record<string, number>;
}

/** Builds a /search URL from the current parameters with one changed (page always reset). */
export type HrefFor = (name: string, value: string | null) => string;

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
  const themeOptions = themes.flatMap((t) => [
    { value: t.slug, label: t.name, child: false },
    ...t.children.map((c) => ({ value: c.slug, label: c.name, child: true })),
  ]);
  const groups = [
    {
      name: "kind",
      title: "Typ",
      options: (Object.keys(KIND_PLURAL) as RecordKind[]).map((k) => ({ value: k, label: KIND_PLURAL[k], child: false })),
    },
    { name: "theme", title: "Tema", options: themeOptions },
    { name: "county", title: "Län", options: ["Dalarna", "Gävleborg", "Värmland"].map((c) => ({ value: c, label: c, child: false })) },
    {
      name: "year",
      title: "År",
      options: Object.keys(facets.year)
        .sort()
        .reverse()
        .map((y) => ({ value: y, label: y, child: false })),
    },
  ] as const;
  return (
    <nav className="facets" aria-label="Avgränsa sökningen">
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
                    <strong aria-current="true">{o.label}</strong>{" "}
                    <Link to={hrefFor(group.name, null)} className="facet-remove">
                      (ta bort<span className="visually-hidden"> filtret {o.label}</span>)
                    </Link>
                  </li>
                ) : (
                  <li key={o.value} className={o.child ? "facet-child" : undefined}>
                    <Link to={hrefFor(group.name, o.value)}>{o.label}</Link>{" "}
                    <span className="count">{counts[o.value] ?? 0}</span>
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
