import { Link } from "@remix-run/react";

import type { RecordSummary } from "~/models/record.server";
import {
  EVENT_TYPE_LABEL,
  FORMAT_LABEL,
  KIND_LABEL,
  LEVEL_LABEL,
  formatDate,
  recordUrl,
} from "~/utils/labels";

import { ThemeChips } from "./theme-chips";

/** A record in a list: kind, title, summary and the facts that tell records apart. */
export function RecordCard({ record, children }: { record: RecordSummary; children?: React.ReactNode }) {
  return (
    <article className="card">
      <p className="card-meta">
        <span className={`badge badge-${record.kind}`}>
          {KIND_LABEL[record.kind]}
        </span>{" "}
        <RecordFacts record={record} />
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

export function RecordFacts({ record }: { record: RecordSummary }) {
  const facts: string[] = [];
  if (record.kind === "event" && record.eventType) facts.push(EVENT_TYPE_LABEL[record.eventType]);
  if (record.kind === "activity" && record.format && record.level) {
    facts.push(FORMAT_LABEL[record.format], LEVEL_LABEL[record.level]);
    if (record.hours) facts.push(`${record.hours} tim`);
  }
  facts.push(record.organisation.name);
  if (record.publishedOn) facts.push(formatDate(record.publishedOn));
  return (
    <span className="facts">{facts.join(" · ")}</span>
  );
}

export function RecordGrid({ records, empty }: { records: RecordSummary[]; empty: string }) {
  if (records.length === 0) return <p className="empty">{empty}</p>;
  return (
    <div className="grid">
      {records.map((r) => (
        <RecordCard key={r.id} record={r} />
      ))}
    </div>
  );
}
