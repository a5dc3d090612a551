import { useT, type Text } from "~/i18n";
import type { RecordSummary } from "~/models/record.server";
import type { ThemeNode } from "~/models/theme.server";

import { FeedLinks } from "./feed-links";
import { FilterForm, type FilterSelect } from "./filter-form";
import { Pager } from "./pager";
import { RecordGrid } from "./record-card";

const COUNTY_OPTIONS = ["Dalarna", "Gävleborg", "Värmland"].map((c) => ({ value: c, label: c }));

/** The shared body of the practice, event and activity list pages; texts come translated. */
export function RecordListPage(props: {
  title: string;
  intro: string;
  /** The kind's noun, one and many, in both languages. */
  noun: [Text, Text];
  items: RecordSummary[];
  total: number;
  page: number;
  pageCount: number;
  values: Record<string, string>;
  options: { themes: ThemeNode[]; years: number[] };
  extraSelects?: FilterSelect[];
}) {
  const t = useT();
  const { values, options } = props;
  const selects: FilterSelect[] = [
    { name: "theme", label: t("Tema", "Theme"), value: values.theme, options: [] },
    { name: "county", label: t("Län", "County"), value: values.county, options: COUNTY_OPTIONS },
    {
      name: "year",
      label: t("År", "Year"),
      value: values.year,
      options: options.years.map((y) => ({ value: String(y), label: String(y) })),
    },
    ...(props.extraSelects ?? []),
  ];
  const filtered = Object.values(values).some(Boolean);
  return (
    <>
      <header className="page-header">
        <h1>{props.title}</h1>
        <p className="lead">{props.intro}</p>
        <FeedLinks theme={values.theme || undefined} />
      </header>
      <FilterForm themes={options.themes} selects={selects} />
      <p className="result-count" role="status">
        {t.plural(props.total, ...props.noun)}
        {filtered ? t(" matchar filtret", " match the filter") : ""}
        {props.pageCount > 1
          ? t(
              `, sida ${t.number(props.page)} av ${t.number(props.pageCount)}`,
              `, page ${t.number(props.page)} of ${t.number(props.pageCount)}`,
            )
          : ""}
        .
      </p>
      <RecordGrid
        records={props.items}
        empty={
          props.page > props.pageCount
            ? t("Den här sidan är tom: listan har inte så många sidor.", "This page is empty: the list does not have that many pages.")
            : t("Inget matchar filtret. Prova att ta bort något av valen.", "Nothing matches the filter. Try removing one of your choices.")
        }
      />
      <Pager page={props.page} pageCount={props.pageCount} />
    </>
  );
}
