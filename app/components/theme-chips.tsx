import { Link } from "@remix-run/react";

import { useT, type Translate } from "~/i18n";

/** A theme as pages show it: the Swedish name, and the English one where the theme has it. */
export interface ThemeRef {
  slug: string;
  name: string;
  nameEn?: string | null;
}

/** The theme's name in the reader's language where it has one; else the Swedish, marked as such. */
export function themeName(t: Translate, theme: ThemeRef): { text: string; lang?: "sv" } {
  return t.lang === "en" && theme.nameEn ? { text: theme.nameEn } : { text: theme.name, lang: "sv" };
}

/** A theme's name as text, e.g. for titles and attributes, where no lang can be marked. */
export function themeNameText(t: Translate, theme: ThemeRef): string {
  return themeName(t, theme).text;
}

/** A theme's name inline: English where the reader reads English and the theme has it, else Swedish (lang="sv"). */
export function ThemeName({ theme }: { theme: ThemeRef }) {
  const name = themeName(useT(), theme);
  return name.lang ? <span lang={name.lang}>{name.text}</span> : <>{name.text}</>;
}

export function ThemeChips({ themes, label }: { themes: ThemeRef[]; label?: string }) {
  const t = useT();
  if (themes.length === 0) return null;
  return (
    <ul className="chips" aria-label={label ?? t("Teman", "Themes")}>
      {themes.map((theme) => {
        const name = themeName(t, theme);
        return (
          <li key={theme.slug}>
            <Link className="chip" to={`/themes/${theme.slug}`} lang={name.lang}>
              {name.text}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
