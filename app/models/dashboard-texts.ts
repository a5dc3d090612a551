import type { Text } from "../i18n";
import type { FigureId } from "./dashboard.server";

/** The dashboard figures' texts in both languages, and whether a figure's rows add up to a total. */

export type FigureTexts = Record<"title" | "description" | "labelHeader" | "valueHeader", Text> & { summable: boolean };

const THEME: Text = { sv: "Tema", en: "Theme" };
const COUNTY: Text = { sv: "Län", en: "County" };
const YEAR: Text = { sv: "År", en: "Year" };
const RECORDS: Text = { sv: "Poster", en: "Entries" };

/** Each figure's texts in both languages; the figure itself is given in the reader's. */
export const FIGURE_TEXTS: Record<FigureId, FigureTexts> = {
  "records-per-theme": {
    title: { sv: "Poster per tema", en: "Entries per theme" },
    description: {
      sv: "Publicerade offentliga poster (goda exempel, träffar och kompetensutveckling) per värdskapstema; ett huvudtema räknar med sina deltemans poster, varje post en gång.",
      en: "Published public entries (good practice, events and competence development) per host theme; a main theme includes its subthemes' entries, each entry once.",
    },
    labelHeader: THEME,
    valueHeader: RECORDS,
    summable: false,
  },
  "records-per-county": {
    title: { sv: "Poster per län", en: "Entries per county" },
    description: {
      sv: "Publicerade offentliga poster efter länet där den ansvariga organisationen finns.",
      en: "Published public entries by the county of the organisation responsible.",
    },
    labelHeader: COUNTY,
    valueHeader: RECORDS,
    summable: true,
  },
  "records-per-year": {
    title: { sv: "Poster per år", en: "Entries per year" },
    description: {
      sv: "Publicerade offentliga poster per år: goda exempel efter publiceringsdatum, träffar efter datum, kompetensutveckling efter start.",
      en: "Published public entries per year: good practice by publication date, events by date, competence development by start date.",
    },
    labelHeader: YEAR,
    valueHeader: RECORDS,
    summable: true,
  },
  "events-per-year": {
    title: { sv: "Träffar per år", en: "Events per year" },
    description: { sv: "Publicerade offentliga träffar per år, efter träffens datum.", en: "Published public events per year, by the event's date." },
    labelHeader: YEAR,
    valueHeader: { sv: "Träffar", en: "Events" },
    summable: true,
  },
  "participants-per-year": {
    title: { sv: "Deltagare per år", en: "Participants per year" },
    description: {
      sv: "Summan av deltagarantalet på årets publicerade offentliga träffar.",
      en: "The total number of participants at the year's published public events.",
    },
    labelHeader: YEAR,
    valueHeader: { sv: "Deltagare", en: "Participants" },
    summable: true,
  },
  "activity-hours-per-theme": {
    title: { sv: "Timmar kompetensutveckling per tema", en: "Hours of competence development per theme" },
    description: {
      sv: "Summan av timmarna i publicerad offentlig kompetensutveckling per värdskapstema; ett huvudtema räknar med sina deltemans insatser, varje insats en gång.",
      en: "The total hours of published public competence development per host theme; a main theme includes its subthemes' activities, each activity once.",
    },
    labelHeader: THEME,
    valueHeader: { sv: "Timmar", en: "Hours" },
    summable: false,
  },
  "organisations-per-county": {
    title: { sv: "Deltagande organisationer per län", en: "Participating organisations per county" },
    description: {
      sv: "Organisationer som står bakom minst en publicerad offentlig post eller deltog i en publicerad offentlig träff, efter län.",
      en: "Organisations behind at least one published public entry or taking part in a published public event, by county.",
    },
    labelHeader: COUNTY,
    valueHeader: { sv: "Organisationer", en: "Organisations" },
    summable: true,
  },
  "search-misses": {
    title: { sv: "Sökord utan träffar", en: "Searches without results" },
    description: {
      sv: "De mest sökta orden som inte gav någon träff (sökningar utan filter), flest först. Bara redaktörer ser detta.",
      en: "The most searched words that found nothing (searches without filters), most frequent first. Only editors see this.",
    },
    labelHeader: { sv: "Sökord", en: "Search term" },
    valueHeader: { sv: "Sökningar", en: "Searches" },
    summable: false,
  },
};
