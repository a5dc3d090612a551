import { Form, Link } from "@remix-run/react";

import { useT } from "~/i18n";
import type { ThemeNode } from "~/models/theme.server";

import { themeName } from "./theme-chips";

export interface FilterSelect {
  name: string;
  /** Already in the reader's language, like the options' labels. */
  label: string;
  value: string;
  options: { value: string; label: string }[];
}

/**
 * The filters of a list page as a plain GET form, so it works without JavaScript and every
 * filtered view has its own URL.
 */
export function FilterForm({ themes, selects }: { themes: ThemeNode[]; selects: FilterSelect[] }) {
  const t = useT();
  const [themeSelect, ...others] = selects;
  return (
    <Form method="get" className="filters" aria-label={t("Filtrera", "Filter")}>
      <div className="field">
        <label htmlFor="filter-theme">{themeSelect.label}</label>
        <select id="filter-theme" name="theme" defaultValue={themeSelect.value}>
          <option value="">{t("Alla teman", "All themes")}</option>
          {themes.map((theme) => {
            const name = themeName(t, theme);
            return (
              <optgroup key={theme.slug} label={name.text} lang={name.lang}>
                <option value={theme.slug}>{t(`${name.text} (hela temat)`, `${name.text} (whole theme)`)}</option>
                {theme.children.map((c) => {
                  const child = themeName(t, c);
                  return (
                    <option key={c.slug} value={c.slug} lang={child.lang}>
                      {child.text}
                    </option>
                  );
                })}
              </optgroup>
            );
          })}
        </select>
      </div>
      {others.map((s) => (
        <div className="field" key={s.name}>
          <label htmlFor={`filter-${s.name}`}>{s.label}</label>
          <select id={`filter-${s.name}`} name={s.name} defaultValue={s.value}>
            <option value="">{t("Alla", "All")}</option>
            {s.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="filter-actions">
        <button type="submit" className="button">
          {t("Filtrera", "Filter")}
        </button>
        <Link to="." className="link-quiet">
          {t("Rensa filter", "Clear filters")}
        </Link>
      </div>
    </Form>
  );
}
