/** Beheer (functioneel beheerder): zaaktypen, their process models, forms and publication. */
export { default } from './BeheerArea';
