import { Link } from "@remix-run/react";

import { useT } from "~/i18n";
import type { RecordSummary } from "~/models/record.server";
import { EVENT_TYPE_LABEL, FORMAT_LABEL, KIND_LABEL, LEVEL_LABEL, recordUrl } from "~/utils/labels";

import { ThemeChips } from "./theme-chips";

/** A record in a list: kind, title, summary and the facts that tell records apart. */
export function RecordCard({ record, children }: { record: RecordSummary; children?: React.ReactNode }) {
  const t = useT();
  return (
    <article className="card">
      <p className="card-meta">
        <span className={`badge badge-${record.kind}`}>{t(KIND_LABEL[record.kind])}</span> <RecordFacts record={record} />
      </p>
      <h3 className="card-title" lang={record.language}>
        <Link to={recordUrl(record.kind, record.slug)}>{record.title}</Link>
      </h3>
      <p className="card-summary" lang={record.language}>
        {record.summary}
      </p>
      {children}
      <ThemeChips themes={record.themes} />
    </article>
  );
}

/** Type, format and level (interface), then the organisation (content) and the date. */
export function RecordFacts({ record }: { record: RecordSummary }) {
  const t = useT();
  const facts: React.ReactNode[] = [];
  if (record.kind === "event" && record.eventType) facts.push(t(EVENT_TYPE_LABEL[record.eventType]));
  if (record.kind === "activity" && record.format && record.level) {
    facts.push(t(FORMAT_LABEL[record.format]), t(LEVEL_LABEL[record.level]));
    if (record.hours) facts.push(t.plural(record.hours, { sv: "tim", en: "hour" }, { sv: "tim", en: "hours" }));
  }
  facts.push(<span lang="sv">{record.organisation.name}</span>);
  if (record.publishedOn) facts.push(t.date(record.publishedOn));
  return (
    <span className="facts">
      {facts.map((fact, i) => (
        <span key={i}>
          {i > 0 ? " · " : ""}
          {fact}
        </span>
      ))}
    </span>
  );
}

export function RecordGrid({ records, empty }: { records: RecordSummary[]; empty: string }) {
  if (records.length === 0) return empty ? <p className="empty">{empty}</p> : null;
  return (
    <div className="grid">
      {records.map((r) => (
        <RecordCard key={r.id} record={r} />
      ))}
    </div>
  );
}
