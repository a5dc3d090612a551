import type { ZodErrorMap, ZodIssueOptionalMessage, ZodTypeAny } from "zod";

import { makeT, type Lang, type Text, type Translate } from "../i18n";

/**
 * A schema factory built once per language: `loginSchema(t)` gives the same schema object for
 * every Swedish (or English) caller, so a component can call it on each render and Conform and
 * the action share one definition with messages in the reader's language.
 */
export function perLanguage<S>(build: (t: Translate) => S): (t: Translate) => S {
  const built = new Map<Lang, S>();
  return (t) => {
    let schema = built.get(t.lang);
    if (schema === undefined) {
      schema = build(t);
      built.set(t.lang, schema);
    }
    return schema;
  };
}

/**
 * What is wrong with input that a per-language schema refuses, as a pair for a thrown 400 (whose
 * message the error page shows in the reader's language); null when the input is fine.
 */
export function problemOf(schema: (t: Translate) => ZodTypeAny, input: unknown): Text | null {
  const sv = schema(makeT("sv")).safeParse(input);
  if (sv.success) return null;
  const en = schema(makeT("en")).safeParse(input);
  const first = sv.error.issues[0].message;
  return { sv: first, en: en.success ? first : en.error.issues[0].message };
}

/**
 * zod's own messages are English ("Expected string, received array", "Invalid enum value"):
 * every field of a form schema gets this map, so whatever a request sends instead of what the
 * form would (a field twice, so a list; an object; a number out of range; a choice that is not
 * offered) is answered in the reader's language. A message written on a check, `.max(200,
 * t(…))`, still wins. `required` answers a field left out or empty; `invalid` a value of the
 * wrong kind.
 */
export function messages(t: Translate, { required, invalid }: { required?: string; invalid?: string } = {}): { errorMap: ZodErrorMap } {
  const missing = required ?? t("Fyll i fältet.", "Fill in this field.");
  const notValid = t("Ogiltigt värde.", "Not a valid value.");
  const message = (issue: ZodIssueOptionalMessage): string => {
    switch (issue.code) {
      case "invalid_type":
        if (issue.received === "undefined" || issue.received === "null") return missing;
        if (issue.received === "array") return t("Fältet ska ha ett enda värde, inte flera.", "This field takes a single value, not several.");
        if (invalid) return invalid;
        if (issue.expected === "integer") return t("Skriv ett heltal.", "Enter a whole number.");
        return issue.expected === "number" ? t("Skriv ett tal.", "Enter a number.") : notValid;
      case "too_big":
      case "too_small": {
        const n = t.number(Number(issue.code === "too_big" ? issue.maximum : issue.minimum));
        if (issue.code === "too_small" && Number(issue.minimum) === 1 && issue.type !== "number") return missing;
        const most = issue.code === "too_big";
        if (issue.exact) return issue.type === "string" ? t(`Exakt ${n} tecken.`, `Exactly ${n} characters.`) : t(`Exakt ${n}.`, `Exactly ${n}.`);
        if (issue.type === "string") return most ? t(`Högst ${n} tecken.`, `At most ${n} characters.`) : t(`Minst ${n} tecken.`, `At least ${n} characters.`);
        return most ? t(`Högst ${n}.`, `At most ${n}.`) : t(`Minst ${n}.`, `At least ${n}.`);
      }
      case "invalid_enum_value":
      case "invalid_literal":
      case "invalid_union":
      case "invalid_union_discriminator":
        return invalid ?? t("Ogiltigt val.", "Not a valid choice.");
      case "invalid_string":
        return issue.validation === "email" ? t("Det ser inte ut som en e-postadress.", "That does not look like an email address.") : (invalid ?? notValid);
      default:
        return invalid ?? notValid;
    }
  };
  return { errorMap: (issue) => ({ message: message(issue) }) };
}

/**
 * For `.regex(...withoutNul(t))` on text that is stored: SQLite's length() stops at a NUL, so
 * "\0" would pass "at least one character" here and fail the table's CHECK there. The server
 * refuses NUL in any request before Remix (ADR 010); this keeps the forms whole on their own.
 */
export function withoutNul(t: Translate): [RegExp, string] {
  // eslint-disable-next-line no-control-regex -- NUL is exactly what to find
  return [/^[^\u0000]*$/, t("Texten innehåller ett otillåtet tecken (NUL).", "The text contains a character that is not allowed (NUL).")];
}
