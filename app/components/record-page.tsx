import { Link } from "@remix-run/react";

import type { RecordBase, RecordSummary } from "~/models/record.server";
import { KIND_LABEL, KIND_PATH, KIND_PLURAL, recordUrl } from "~/utils/labels";

import { FeedLinks } from "./feed-links";
import { RecordGrid } from "./record-card";
import { ThemeChips } from "./theme-chips";

/** Breadcrumb, kind, title, summary, themes and tags at the top of every record page. */
export function RecordHeader({ record, editUrl }: { record: RecordBase; editUrl?: string | null }) {
  return (
    <header className="page-header">
      <nav aria-label="Brödsmulor" className="breadcrumb">
        <Link to={`/${KIND_PATH[record.kind]}`}>{KIND_PLURAL[record.kind]}</Link>
        {editUrl ? (
          <>
            {" "}
            · <Link to={editUrl}>Redigera</Link>
          </>
        ) : null}
      </nav>
      <p>
        <span className={`badge badge-${record.kind}`}>{KIND_LABEL[record.kind]}</span>
        {record.language === "en" ? <span className="badge badge-lang">In English</span> : null}
      </p>
      <h1 lang={record.language}>{record.title}</h1>
      <p className="lead" lang={record.language}>
        {record.summary}
      </p>
      <ThemeChips themes={record.themes} />
      {/* An event page offers the calendar of all events. */}
      {record.kind === "event" ? <FeedLinks /> : null}
      {record.tags.length > 0 ? (
        <p className="tags" lang={record.language}>
          <span className="visually-hidden">Taggar: </span>
          {record.tags.map((t) => (
            <span key={t} className="tag">
              #{t}
            </span>
          ))}
        </p>
      ) : null}
    </header>
  );
}

/** Facts as a description list; empty values are left out. */
export function Facts({ items }: { items: [string, React.ReactNode][] }) {
  const shown = items.filter(([, value]) => value !== null && value !== undefined && value !== "");
  return (
    <dl className="facts-list">
      {shown.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function RelatedRecords({ records }: { records: RecordSummary[] }) {
  if (records.length === 0) return null;
  return (
    <section aria-labelledby="related" className="section">
      <h2 id="related">Relaterat material</h2>
      <RecordGrid records={records} empty="" />
    </section>
  );
}

/** A titled list of linked records ("Har tagits upp av andra", "Blev goda exempel"); nothing when empty. */
export function LinkedRecords({ id, title, records }: { id: string; title: string; records: RecordSummary[] }) {
  if (records.length === 0) return null;
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul>
        {records.map((r) => (
          <li key={r.id}>
            <Link to={recordUrl(r.kind, r.slug)}>{r.title}</Link> ({r.organisation.name})
          </li>
        ))}
      </ul>
    </section>
  );
}
