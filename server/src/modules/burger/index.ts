/** Burger: the citizen's status page (token links, only their hash stored), information requests and uploads. */
export { createBurgerModule, type BurgerModule, type BurgerModuleOptions } from './burgerModule.js';
export { BurgerService, OPSCHORTING_REDEN, type MessagePublisher } from './service.js';
export { startIntakeLinkSweeper } from './intakeLinkSweeper.js';
export { publicViewOf, type PublicZaakView } from './publicView.js';
