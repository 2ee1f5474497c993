export { LoginPage } from './components/LoginPage';
export { getSession, logout } from './api/session';
