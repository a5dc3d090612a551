/**
 * The fields a browser would submit from a server-rendered form, read from its HTML: inputs
 * (checked checkboxes only), textareas and each select's chosen option. Enough for the forms
 * Lärdom renders; not a general HTML parser.
 */
function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function attr(attrs: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(attrs);
  return match ? decode(match[1]) : undefined;
}

export function formFields(html: string, formId: string): [string, string][] {
  const start = html.indexOf(`id="${formId}"`);
  if (start < 0) throw new Error(`no form #${formId}`);
  const form = html.slice(html.lastIndexOf("<form", start), html.indexOf("</form>", start));
  const fields: [string, string][] = [];
  for (const [, attrs] of form.matchAll(/<input\b([^>]*)>/g)) {
    const name = attr(attrs, "name");
    const type = attr(attrs, "type") ?? "text";
    if (!name || ["submit", "button"].includes(type)) continue;
    if ((type === "checkbox" || type === "radio") && !/\schecked=""/.test(attrs)) continue;
    fields.push([name, attr(attrs, "value") ?? (type === "checkbox" ? "on" : "")]);
  }
  for (const [, attrs, content] of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attr(attrs, "name");
    // A textarea's first newline belongs to the markup, not the value.
    if (name) fields.push([name, decode(content.replace(/^\n/, ""))]);
  }
  for (const [, attrs, options] of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attr(attrs, "name");
    const all = [...options.matchAll(/<option\b([^>]*)>/g)].map(([, a]) => a);
    const chosen = all.find((a) => /\sselected=""/.test(a)) ?? all[0];
    if (name && chosen !== undefined) fields.push([name, attr(chosen, "value") ?? ""]);
  }
  return fields;
}
