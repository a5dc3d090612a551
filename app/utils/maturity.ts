/** The five levels of process maturity Lärdom's self-assessments use, and what each means. */
export const MATURITY_LEVELS = [
  {
    level: 1,
    name: "Improviserat",
    meaning: "Arbetet hänger på enskilda personer och görs olika från gång till gång. Det som fungerar är svårt att upprepa.",
  },
  {
    level: 2,
    name: "Upprepbart",
    meaning: "Det finns vanor som gör att samma sak görs ungefär likadant nästa gång, men lite är nedskrivet och lite mäts.",
  },
  {
    level: 3,
    name: "Standardiserat",
    meaning: "Arbetssätten är beskrivna, kända och följda av de flesta. Nästa steg är att mäta dem.",
  },
  {
    level: 4,
    name: "Mätt",
    meaning: "Ni mäter hur arbetet går och styr efter siffrorna. Avvikelser upptäcks och följs upp.",
  },
  {
    level: 5,
    name: "Ständigt förbättrande",
    meaning: "Förbättringar är en del av vardagen och ni lär av andra – och delar med er av det ni har lärt.",
  },
] as const;

/**
 * A reader's level from their answers (each 1–5): the lower median. At least half of the answers
 * are at that level or above, so one strong area does not lift the result, nor one weak area
 * sink it. [1,2,3,4,5] → 3; [2,2,5,5] → 2; [4,4,4,1] → 4; [1,5] → 1.
 */
export function maturityLevel(answers: number[]): number {
  if (answers.length === 0) throw new Error("maturityLevel needs at least one answer");
  const sorted = [...answers].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
