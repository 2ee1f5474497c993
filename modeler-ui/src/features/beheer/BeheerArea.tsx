import { Route, Routes } from 'react-router';
import { ZaaktypeList } from './components/ZaaktypeList';
import { ZaaktypeEditor } from './editor/ZaaktypeEditor';
import { VersionCompare } from './vergelijken/VersionCompare';
import './beheer.css';

/** The Beheer area, mounted by the app shell at `/beheer/*`; all routes here are relative. */
export default function BeheerArea() {
  return (
    <div className="zs-beheer">
      <Routes>
        <Route index element={<ZaaktypeList />} />
        <Route path="zaaktypen/:identificatie/versies/:versie/*" element={<ZaaktypeEditor />} />
        <Route path="zaaktypen/:identificatie/vergelijken" element={<VersionCompare />} />
        <Route path="*" element={<p role="alert">Deze pagina bestaat niet in Beheer.</p>} />
      </Routes>
    </div>
  );
}
