import { Link } from "@remix-run/react";

export function ThemeChips({ themes, label = "Teman" }: { themes: { slug: string; name: string }[]; label?: string }) {
  if (themes.length === 0) return null;
  return (
    <ul className="chips" aria-label={label}>
      {themes.map((t) => (
        <li key={t.slug}>
          <Link className="chip" to={`/themes/${t.slug}`}>
            {t.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
