/** The five levels of process maturity Lärdom's self-assessments use, and what each means, in both languages. */
export const MATURITY_LEVELS = [
  {
    level: 1,
    name: { sv: "Improviserat", en: "Improvised" },
    meaning: {
      sv: "Arbetet hänger på enskilda personer och görs olika från gång till gång. Det som fungerar är svårt att upprepa.",
      en: "The work depends on individuals and is done differently each time. What works is hard to repeat.",
    },
  },
  {
    level: 2,
    name: { sv: "Upprepbart", en: "Repeatable" },
    meaning: {
      sv: "Det finns vanor som gör att samma sak görs ungefär likadant nästa gång, men lite är nedskrivet och lite mäts.",
      en: "Habits mean the same thing is done roughly the same way next time, but little is written down and little is measured.",
    },
  },
  {
    level: 3,
    name: { sv: "Standardiserat", en: "Standardised" },
    meaning: {
      sv: "Arbetssätten är beskrivna, kända och följda av de flesta. Nästa steg är att mäta dem.",
      en: "Ways of working are described, known and followed by most people. The next step is to measure them.",
    },
  },
  {
    level: 4,
    name: { sv: "Mätt", en: "Measured" },
    meaning: {
      sv: "Ni mäter hur arbetet går och styr efter siffrorna. Avvikelser upptäcks och följs upp.",
      en: "You measure how the work is going and steer by the figures. Deviations are spotted and followed up.",
    },
  },
  {
    level: 5,
    name: { sv: "Ständigt förbättrande", en: "Continuously improving" },
    meaning: {
      sv: "Förbättringar är en del av vardagen och ni lär av andra – och delar med er av det ni har lärt.",
      en: "Improvement is part of everyday work and you learn from others – and share what you have learnt.",
    },
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
