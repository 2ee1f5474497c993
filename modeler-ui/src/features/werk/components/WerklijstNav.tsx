import { Link } from 'react-router';

export type Werklijst = 'mijn' | 'groep' | 'alle' | 'zaken';

interface WerklijstNavProps {
  current: Werklijst;
  showAll: boolean;
  titles: Record<Werklijst, string>;
}

/** Tabs as links: each list has its own URL, and Ctrl/Cmd-click opens it in a new tab. */
export function WerklijstNav({ current, showAll, titles }: WerklijstNavProps) {
  const lists: Werklijst[] = showAll
    ? ['mijn', 'groep', 'alle', 'zaken']
    : ['mijn', 'groep', 'zaken'];
  return (
    <nav aria-label="Werklijsten" className="tabs">
      <ul className="tabs__list">
        {lists.map((lijst) => (
          <li key={lijst}>
            <Link
              to={`?lijst=${lijst}`}
              className={`tabs__tab${lijst === current ? ' tabs__tab--current' : ''}`}
              aria-current={lijst === current ? 'page' : undefined}
            >
              {titles[lijst]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
