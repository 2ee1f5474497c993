/** Placeholder until the manager dashboards arrive. */
export function OverzichtPage() {
  return (
    <section className="page">
      <h1 className="utrecht-heading-1">Overzicht</h1>
      <p className="utrecht-paragraph">
        Hier komen de overzichten voor managers: termijnen in gevaar, doorlooptijden en werk per
        team.
      </p>
    </section>
  );
}
