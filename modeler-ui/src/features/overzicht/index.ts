export { OverzichtPage } from './components/OverzichtPage';
