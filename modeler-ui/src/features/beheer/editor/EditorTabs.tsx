import { NavLink } from 'react-router';

export const TABS = [
  { path: 'proces', label: 'Proces' },
  { path: 'formulieren', label: 'Formulieren' },
  { path: 'gegevens', label: 'Gegevens' },
  { path: 'publiceren', label: 'Publiceren' },
] as const;

export type TabPath = (typeof TABS)[number]['path'];

/** The editor's parts as links (real URLs, so a tab can be opened or shared), current one marked. */
export function EditorTabs({ errorsIn }: { errorsIn: TabPath[] }) {
  return (
    <nav aria-label="Onderdelen van het zaaktype" className="zs-tabs">
      {TABS.map((tab) => (
        <NavLink
          key={tab.path}
          to={`../${tab.path}`}
          relative="path"
          className={({ isActive }) => `zs-tab${isActive ? ' zs-tab--active' : ''}`}
        >
          {tab.label}
          {errorsIn.includes(tab.path) && <span className="zs-tab__error"> (bevat fouten)</span>}
        </NavLink>
      ))}
    </nav>
  );
}
