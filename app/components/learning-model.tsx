import { Link } from "@remix-run/react";

import { useT } from "~/i18n";

/** The home page's four stages of the learning model, each with how much material it has. */
export function LearningModel({ figures }: { figures: { practices: number; events: number; lessons: number; activities: number } }) {
  const t = useT();
  const stages = [
    {
      n: 1,
      title: t("Inspireras", "Be inspired"),
      to: "/practices",
      text: t(
        "Läs goda exempel: vad andra företag och organisationer gjorde, vad det gav och vad det krävde.",
        "Read good practice: what other companies and organisations did, what came of it and what it took.",
      ),
      count: t.plural(figures.practices, { sv: "gott exempel", en: "good practice" }, { sv: "goda exempel", en: "good practices" }),
    },
    {
      n: 2,
      title: t("Utbyt erfarenheter", "Exchange experience"),
      to: "/events",
      text: t(
        "Workshoppar, studiebesök och nätverksträffar, med lärdomarna som deltagarna tog med sig.",
        "Workshops, study visits and network meetings, with the lessons the participants took home.",
      ),
      count: `${t.plural(figures.events, { sv: "träff", en: "event" }, { sv: "träffar", en: "events" })}, ${t.plural(figures.lessons, { sv: "lärdom", en: "lesson" }, { sv: "lärdomar", en: "lessons" })}`,
    },
    {
      n: 3,
      title: t("Utveckla kompetens", "Develop competence"),
      to: "/activities",
      text: t(
        "Kurser, utbildningar och mentorskap som bygger förmågan att göra likadant.",
        "Courses, training and mentoring that build the ability to do the same.",
      ),
      count: t.plural(figures.activities, { sv: "insats", en: "activity" }, { sv: "insatser", en: "activities" }),
    },
    {
      n: 4,
      title: t("Tillämpa", "Apply"),
      to: "/themes",
      text: t(
        "När någon tar upp ett gott exempel blir det ett nytt gott exempel – och cykeln börjar om för nästa.",
        "When someone takes up a good practice, it becomes a new good practice – and the cycle starts again for the next.",
      ),
      count: t("I varje tema", "In every theme"),
    },
  ];
  return (
    <section className="section" aria-labelledby="model">
      <h2 id="model">{t("Så fungerar lärandemodellen", "How the learning model works")}</h2>
      <ol className="cycle">
        {stages.map((s) => (
          <li key={s.n} className="cycle-step">
            <h3>
              <Link to={s.to}>
                {s.n}. {s.title}
              </Link>
            </h3>
            <p>{s.text}</p>
            <p className="muted">{s.count}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
