import { Link } from "@remix-run/react";

import type { ContinueItem } from "~/models/progress.server";

/** The reader's started reading paths, each with the next step to read. */
export function ContinueReading({ items }: { items: ContinueItem[] }) {
  if (items.length === 0) return null;
  return (
    <section className="section" aria-labelledby="continue">
      <h2 id="continue">Fortsätt där du slutade</h2>
      <ul className="path-list">
        {items.map((item) => (
          <li key={item.path.slug}>
            <Link to={`/paths/${item.path.slug}`}>{item.path.title}</Link>{" "}
            <span className="muted">
              ({item.done} av {item.total} steg lästa)
            </span>
            <br />
            Nästa steg: <Link to={item.next.url}>{item.next.title}</Link>
            {item.next.optional ? <span className="muted"> (valfritt)</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
