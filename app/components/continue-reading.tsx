import { Link } from "@remix-run/react";

import { useT } from "~/i18n";
import type { ContinueItem } from "~/models/progress.server";

/** The reader's started reading paths, each with the next step to read. */
export function ContinueReading({ items }: { items: ContinueItem[] }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <section className="section" aria-labelledby="continue">
      <h2 id="continue">{t("Fortsätt där du slutade", "Continue where you left off")}</h2>
      <ul className="path-list">
        {items.map((item) => (
          <li key={item.path.slug}>
            <Link to={`/paths/${item.path.slug}`} lang="sv">
              {item.path.title}
            </Link>{" "}
            <span className="muted">
              {t(
                `(${t.number(item.done)} av ${t.number(item.total)} steg lästa)`,
                `(${t.number(item.done)} of ${t.number(item.total)} steps read)`,
              )}
            </span>
            <br />
            {t("Nästa steg: ", "Next step: ")}
            <Link to={item.next.url} lang={item.next.language}>
              {item.next.title}
            </Link>
            {item.next.optional ? <span className="muted">{t(" (valfritt)", " (optional)")}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
