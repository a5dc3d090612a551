import { Form, Link } from "@remix-run/react";

import type { ThemeNode } from "~/models/theme.server";

export interface FilterSelect {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}

/**
 * The filters of a list page as a plain GET form, so it works without JavaScript and every
 * filtered view has its own URL.
 */
export function FilterForm({ themes, selects }: { themes: ThemeNode[]; selects: FilterSelect[] }) {
  const [themeSelect, ...others] = selects;
  return (
    <Form method="get" className="filters" aria-label="Filtrera">
      <div className="field">
        <label htmlFor="filter-theme">{themeSelect.label}</label>
        <select id="filter-theme" name="theme" defaultValue={themeSelect.value}>
          <option value="">Alla teman</option>
          {themes.map((t) => (
            <optgroup key={t.slug} label={t.name}>
              <option value={t.slug}>{t.name} (hela temat)</option>
              {t.children.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      {others.map((s) => (
        <div className="field" key={s.name}>
          <label htmlFor={`filter-${s.name}`}>{s.label}</label>
          <select id={`filter-${s.name}`} name={s.name} defaultValue={s.value}>
            <option value="">Alla</option>
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
          Filtrera
        </button>
        <Link to="." className="link-quiet">
          Rensa filter
        </Link>
      </div>
    </Form>
  );
}
