import type { RecordSummary } from "~/models/record.server";
import type { ThemeNode } from "~/models/theme.server";
import { plural } from "~/utils/labels";

import { FeedLinks } from "./feed-links";
import { FilterForm, type FilterSelect } from "./filter-form";
import { Pager } from "./pager";
import { RecordGrid } from "./record-card";

const COUNTY_OPTIONS = ["Dalarna", "Gävleborg", "Värmland"].map((c) => ({ value: c, label: c }));

/** The shared body of the practice, event and activity list pages. */
export function RecordListPage(props: {
  title: string;
  intro: string;
  noun: [string, string];
  items: RecordSummary[];
  total: number;
  page: number;
  pageCount: number;
  values: Record<string, string>;
  options: { themes: ThemeNode[]; years: number[] };
  extraSelects?: FilterSelect[];
}) {
  const { values, options } = props;
  const selects: FilterSelect[] = [
    { name: "theme", label: "Tema", value: values.theme, options: [] },
    { name: "county", label: "Län", value: values.county, options: COUNTY_OPTIONS },
    {
      name: "year",
      label: "År",
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
        {plural(props.total, ...props.noun)}
        {filtered ? " matchar filtret" : ""}
        {props.pageCount > 1 ? `, sida ${props.page} av ${props.pageCount}` : ""}.
      </p>
      <RecordGrid
        records={props.items}
        empty={
          props.page > props.pageCount
            ? "Den här sidan är tom: listan har inte så många sidor."
            : "Inget matchar filtret. Prova att ta bort något av valen."
        }
      />
      <Pager page={props.page} pageCount={props.pageCount} />
    </>
  );
}
