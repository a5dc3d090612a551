import type { ZodTypeAny } from "zod";

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
