import type { PersonProfile } from '../../domain/profiles';

function Section({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}

/** The person's one-page profile, for the organiser to read before handing the tablet over. */
export function PersonProfileSummary({ person }: { person: PersonProfile }) {
  return (
    <section className="card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{person.firstName}'s one-page profile</h2>
      <p>
        {person.firstName}, {person.age}. {person.livesAt}.
      </p>
      <p>
        <strong>How {person.firstName} chooses best:</strong> {person.communication}
      </p>
      <Section title="What people appreciate about me" items={person.appreciated} />
      <Section title="What is important to me" items={person.importantToMe} />
      <Section title="How best to support me" items={person.howToSupportMe} />
      <Section title="My interests" items={person.interests} />
    </section>
  );
}
