import { Link } from "@remix-run/react";

import { KIND_LABEL, formatDate } from "~/utils/labels";

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

export function SearchHits({ hits, start }: { hits: Hit[]; start: number }) {
  return (
    <ol className="hits" start={start}>
      {hits.map((hit) => (
        <li key={hit.url} className="card">
          <p className="card-meta">
            <span className={`badge badge-${hit.kind}`}>{KIND_LABEL[hit.kind]}</span>{" "}
            <span className="facts">
              {hit.organisation}
              {hit.publishedOn ? ` · ${formatDate(hit.publishedOn)}` : ""}
            </span>
          </p>
          <h2 className="card-title" lang={hit.language}>
            <Link to={hit.url}>{hit.title}</Link>
          </h2>
          {/* The snippet is escaped on the server; only <mark> is markup. */}
          <p className="snippet" lang={hit.language} dangerouslySetInnerHTML={{ __html: hit.snippet }} />
          <ThemeChips themes={hit.themes} />
        </li>
      ))}
    </ol>
  );
}
