/** Swedish and other Latin letters that NFD does not simply split into a base letter and a mark. */
const SPECIAL: Record<string, string> = { æ: "ae", ø: "o", ß: "ss", đ: "d", ł: "l", þ: "th", œ: "oe" };

/**
 * A title as a URL slug: "Spillvärme åt Skåne – 2025!" → "spillvarme-at-skane-2025".
 * å, ä and ö become a, a and o; anything else outside a–z and digits becomes a hyphen.
 */
export function slugify(title: string, maxLength = 80): string {
  const base = title
    .toLowerCase()
    .replace(/[æøßđłþœ]/g, (c) => SPECIAL[c])
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const cut = base.slice(0, maxLength).replace(/-+$/, "");
  return cut || "namnlos";
}
