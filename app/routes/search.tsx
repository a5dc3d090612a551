import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

import { SearchFacets, type FacetCounts } from "~/components/search-facets";
import { NoResults, SearchHits, type Hit } from "~/components/search-hits";
import { Pager } from "~/components/pager";
import { metaT, useT } from "~/i18n";
import { requestT } from "~/i18n/lang.server";
import { noteSearchMiss } from "~/models/dashboard.server";
import { listThemeTree } from "~/models/theme.server";
import { parseSearchQuery } from "~/search/params.server";
import { searchRecords } from "~/search/search.server";
import { getAccess } from "~/utils/access.server";
import { getDb } from "~/utils/db.server";
import { badRequest } from "~/utils/http.server";

const FILTERS = ["kind", "theme", "county", "year"] as const;
const HIT = { sv: "träff", en: "result" };
const HITS = { sv: "träffar", en: "results" };
const ITEM = { sv: "post", en: "item" };
const ITEMS = { sv: "poster", en: "items" };

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const access = await getAccess(request);
  const parsed = await parseSearchQuery(db, new URL(request.url), await requestT(request));
  if (!parsed.ok) throw badRequest(parsed.error);
  const { params, page } = parsed;
  const result = await searchRecords(db, params, access);
  await noteSearchMiss(db, params, result.total);
  const selected = Object.fromEntries(FILTERS.map((f) => [f, params[f] ? String(params[f]) : ""]));
  return json({
    result,
    page,
    pageCount: Math.max(1, Math.ceil(result.total / params.limit)),
    limit: params.limit,
    selected,
    themes: await listThemeTree(db, { access }),
  });
}

interface Shown {
  query: string;
  total: number;
  results: Hit[];
  facets: FacetCounts;
  suggestion: string | null;
  partial: boolean;
}

export default function SearchPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const [live, setLive] = useState<Shown | null>(null);
  const [q, setQ] = useState(data.result.query);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => {
    setLive(null);
    setQ(data.result.query);
  }, [data]);

  const shown: Shown = live ?? data.result;
  /** A /search URL from the current query and filters with some changed; null removes one. */
  const hrefWith = (changes: Partial<Record<"q" | (typeof FILTERS)[number], string | null>>) => {
    const values: Record<string, string | null> = { q, ...data.selected, ...changes };
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
    return `/search?${params}`;
  };

  // With JavaScript, results follow the typing through the API; without it, the form submits.
  const onType = (value: string) => {
    setQ(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const url = `${hrefWith({ q: value }).replace("/search?", "/api/search?")}&live=1`;
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (response.ok) setLive((await response.json()) as Shown);
    }, 200);
  };

  const page = live ? 1 : data.page;
  // The index holds the themes' Swedish names; English pages take theirs from the tree.
  const nameEn = Object.fromEntries(data.themes.flatMap((th) => [th, ...th.children]).map((th) => [th.slug, th.nameEn]));
  return (
    <>
      <header className="page-header">
        <h1>{t("Sök i Lärdom", "Search Lärdom")}</h1>
      </header>
      <Form method="get" action="/search" role="search" className="search-form">
        <label htmlFor="search-q">{t("Sökord", "Search words")}</label>
        <div className="search-row">
          <input
            id="search-q"
            type="search"
            name="q"
            value={q}
            onChange={(e) => onType(e.currentTarget.value)}
            placeholder={t("till exempel underhållsplanering eller kompetensförsörjning", "for example maintenance planning or skills supply")}
            autoComplete="off"
          />
          {FILTERS.map((f) => (data.selected[f] ? <input key={f} type="hidden" name={f} value={data.selected[f]} /> : null))}
          <button type="submit" className="button">
            {t("Sök", "Search")}
          </button>
        </div>
      </Form>

      <p className="result-count" role="status" aria-live="polite">
        {shown.query
          ? t(`${t.plural(shown.total, HIT, HITS)} för ”${shown.query}”.`, `${t.plural(shown.total, HIT, HITS)} for “${shown.query}”.`)
          : t(`${t.plural(shown.total, ITEM, ITEMS)} i Lärdom.`, `${t.plural(shown.total, ITEM, ITEMS)} in Lärdom.`)}
        {shown.partial
          ? t(" Ingen post innehöll alla orden; här är de som innehöll flest av dem.", " No item contained all the words; here are those that contained the most of them.")
          : ""}
      </p>
      {shown.suggestion ? (
        <p className="suggestion">
          {t("Menade du ", "Did you mean ")}
          <Link to={hrefWith({ q: shown.suggestion })}>{shown.suggestion}</Link>?
        </p>
      ) : null}

      <div className="search-layout">
        <SearchFacets facets={shown.facets} selected={data.selected} themes={data.themes} hrefFor={(name, value) => hrefWith({ [name]: value })} />
        <div>
          {shown.total === 0 ? <NoResults hasFilters={FILTERS.some((f) => data.selected[f])} clearHref={hrefWith({ kind: null, theme: null, county: null, year: null })} /> : null}
          <SearchHits hits={shown.results} start={(page - 1) * data.limit + 1} nameEn={nameEn} />
          {live ? null : <Pager page={data.page} pageCount={data.pageCount} />}
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  const search = t("Sök", "Search");
  return [{ title: data?.result.query ? `”${data.result.query}” – ${search} – Lärdom` : `${search} – Lärdom` }];
};
