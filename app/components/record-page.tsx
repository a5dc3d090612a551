import { Link } from "@remix-run/react";

import { useT } from "~/i18n";
import type { RecordBase, RecordSummary } from "~/models/record.server";
import { KIND_LABEL, KIND_PATH, KIND_PLURAL, recordUrl } from "~/utils/labels";

import { FeedLinks } from "./feed-links";
import { RecordGrid } from "./record-card";
import { ThemeChips } from "./theme-chips";

/** Breadcrumb, kind, title, summary, themes and tags at the top of every record page. */
export function RecordHeader({ record, editUrl }: { record: RecordBase; editUrl?: string | null }) {
  const t = useT();
  return (
    <header className="page-header">
      <nav aria-label={t("Brödsmulor", "Breadcrumb")} className="breadcrumb">
        <Link to={`/${KIND_PATH[record.kind]}`}>{t(KIND_PLURAL[record.kind])}</Link>
        {editUrl ? (
          <>
            {" "}
            · <Link to={editUrl}>{t("Redigera", "Edit")}</Link>
          </>
        ) : null}
      </nav>
      <p>
        <span className={`badge badge-${record.kind}`}>{t(KIND_LABEL[record.kind])}</span>
        {/* The record is written in the other language than the interface's. */}
        {record.language !== t.lang ? <span className="badge badge-lang">{t("På engelska", "In Swedish")}</span> : null}
      </p>
      <h1 lang={record.language}>{record.title}</h1>
      <p className="lead" lang={record.language}>
        {record.summary}
      </p>
      <ThemeChips themes={record.themes} />
      {/* An event page offers the calendar of all events. */}
      {record.kind === "event" ? <FeedLinks /> : null}
      {record.tags.length > 0 ? (
        <p className="tags">
          <span className="visually-hidden">{t("Taggar: ", "Tags: ")}</span>
          {/* Each tag its own flex item (a wrapper would make one line that never wraps). */}
          {record.tags.map((tag) => (
            <span key={tag} className="tag" lang={record.language}>
              #{tag}
            </span>
          ))}
        </p>
      ) : null}
    </header>
  );
}

/** Facts as a description list; empty values are left out. */
export function Facts({ items }: { items: [string, React.ReactNode][] }) {
  const shown = items.filter(([, value]) => value !== null && value !== undefined && value !== "" && value !== false);
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
  const t = useT();
  if (records.length === 0) return null;
  return (
    <section aria-labelledby="related" className="section">
      <h2 id="related">{t("Relaterat material", "Related material")}</h2>
      <RecordGrid records={records} empty="" />
    </section>
  );
}

/** A record's title linked, in its own language, with its organisation. */
export function RecordLink({ record }: { record: RecordSummary }) {
  return (
    <>
      <span lang={record.language}>
        <Link to={recordUrl(record.kind, record.slug)}>{record.title}</Link>
      </span>{" "}
      (<span lang="sv">{record.organisation.name}</span>)
    </>
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
            <RecordLink record={r} />
          </li>
        ))}
      </ul>
    </section>
  );
}
