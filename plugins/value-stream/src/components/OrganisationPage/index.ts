export { OrganisationPage, OrganisationView } from './OrganisationPage';
