export { emailInUse, insertPerson, replaceRoles } from './people.repository.js';
export { peopleRoutes } from './people.routes.js';
