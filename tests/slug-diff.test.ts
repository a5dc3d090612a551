import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { SLUG_PATTERN } from "../seeds/schema";
import { diffLines } from "~/utils/diff";
import { slugify } from "~/utils/slug";

describe("slugify", () => {
  it("always gives a valid slug of at most 80 characters, whatever the title", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (title) => {
        const slug = slugify(title);
        expect(slug).toMatch(SLUG_PATTERN);
        expect(slug.length).toBeLessThanOrEqual(80);
      }),
    );
  });

  it("keeps Swedish words readable", () => {
    expect(slugify("Underhållsplaneringen i Gävle")).toBe("underhallsplaneringen-i-gavle");
    expect(slugify("ÅÄÖ åäö")).toBe("aao-aao");
  });
});

describe("diffLines", () => {
  const lines = fc.array(fc.constantFrom("a", "b", "c", "", "lång rad"), { maxLength: 30 }).map((l) => l.join("\n"));

  it("holds exactly the old text in its kept and removed lines, and the new in its kept and added", () => {
    fc.assert(
      fc.property(lines, lines, (before, after) => {
        const diff = diffLines(before, after);
        expect(diff.filter((l) => l.op !== "add").map((l) => l.text).join("\n")).toBe(before);
        expect(diff.filter((l) => l.op !== "del").map((l) => l.text).join("\n")).toBe(after);
      }),
    );
  });

  it("keeps every common line when one text extends the other", () => {
    expect(diffLines("a\nb", "a\nb\nc")).toEqual([
      { op: "same", text: "a" },
      { op: "same", text: "b" },
      { op: "add", text: "c" },
    ]);
  });
});
