import { Link } from "@remix-run/react";

import type { RecordBase, RecordSummary } from "~/models/record.server";
import { KIND_LABEL, KIND_PATH, KIND_PLURAL } from "~/utils/labels";

import { RecordGrid } from "./record-card";
import { ThemeChips } from "./theme-chips";

/** Breadcrumb, kind, title, summary, themes and tags at the top of every record page. */
export function RecordHeader({ record }: { record: RecordBase }) {
  return (
    <header className="page-header">
      <nav aria-label="Brödsmulor" className="breadcrumb">
        <Link to={`/${KIND_PATH[record.kind]}`}>{KIND_PLURAL[record.kind]}</Link>
      </nav>
      <p>
        <span className={`badge badge-${record.kind}`}>{KIND_LABEL[record.kind]}</span>
        {record.language === "en" ? <span className="badge badge-lang">In English</span> : null}
      </p>
      <h1>{record.title}</h1>
      <p className="lead">{record.summary}</p>
      <ThemeChips themes={record.themes} />
      {record.tags.length > 0 ? (
        <p className="tags">
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
