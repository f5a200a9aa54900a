export { peopleRoutes } from './people.routes.ts';
export { carryPeople } from './carry-people.ts';
export {
  insertPeople,
  personValues,
  searchPeople,
  carryEmployments,
  type NewPerson,
} from './people.repository.ts';
export { nextPersonCode } from './person-code.ts';
export { maskCitizenId } from './privacy.ts';
export {
  people,
  employments,
  households,
  ratings,
  disciplines,
  initiatives,
  absences,
} from './people.schema.ts';
