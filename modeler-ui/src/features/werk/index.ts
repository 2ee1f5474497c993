export { WerkvoorraadPage } from './components/WerkvoorraadPage';
export { ZaakPage } from './components/ZaakPage';
export { TaakPage } from './components/TaakPage';
export { ZaakStartenPage } from './components/ZaakStartenPage';
export { InstellingenPage } from './components/InstellingenPage';
export { useOngelezenSignaleringen } from './hooks/useOngelezenSignaleringen';
