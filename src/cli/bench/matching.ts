import { prepareStaff, rankCarers } from '../../domain/matching/rank-carers';
import { Dice, mulberry32 } from './mulberry32';
import { syntheticOrganisation } from './synthetic-organisation';

/**
 * `npm run bench:matching`: one synthetic organisation from a fixed seed, every person matched
 * against every carer. Prints a summary, then one JSON line last for scripts to read.
 * Targets on a 2-core machine: p50 ≤ 10 ms per person, all people ≤ 5 s.
 */
const SEED = 20240611;
const STAFF = 10_000;
const PEOPLE = 1_000;
/** Runs before timing starts, so the numbers measure the engine rather than the JIT warming up. */
const WARM_UP_PEOPLE = 20;

const { staff, people } = syntheticOrganisation(new Dice(mulberry32(SEED)), STAFF, PEOPLE);

for (const person of people.slice(0, WARM_UP_PEOPLE)) rankCarers(person, staff.slice(0, 500));

const allStart = performance.now();
const prepared = prepareStaff(staff);
const prepareMs = performance.now() - allStart;
const perPerson: number[] = [];
let available = 0;
for (const person of people) {
  const start = performance.now();
  const result = rankCarers(person, prepared);
  perPerson.push(performance.now() - start);
  available += result.funnel.available;
}
const msAllPeople = performance.now() - allStart;

perPerson.sort((a, b) => a - b);
const percentile = (p: number) => perPerson[Math.min(perPerson.length - 1, Math.ceil((p / 100) * perPerson.length) - 1)]!;
const ms = (value: number) => Math.round(value * 100) / 100;

process.stdout.write(
  `prepareStaff: ${ms(prepareMs)} ms; mean available carers per person: ${ms(available / PEOPLE)}; ` +
    `slowest person: ${ms(perPerson[perPerson.length - 1]!)} ms (msAllPeople includes prepareStaff)\n`,
);
process.stdout.write(
  `${JSON.stringify({ staff: STAFF, people: PEOPLE, msPerPersonP50: ms(percentile(50)), msPerPersonP99: ms(percentile(99)), msAllPeople: ms(msAllPeople) })}\n`,
);
