export { emailInUse, insertPerson, replaceRoles } from './people.repository.js';
