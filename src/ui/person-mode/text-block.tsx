import { ListenButton } from './listen-button';

/** The language care workers' profiles are written in, until a profile says otherwise. */
const PROFILE_LANGUAGE = 'en-GB';

/** One part of a carer's one-page profile, with a Listen button that reads that part only. */
export function TextBlock({ heading, items, voice }: { heading: string; items: string[]; voice?: string }) {
  return (
    <div className="text-block">
      <div className="text-block-heading">
        <h3>{heading}</h3>
        <ListenButton text={`${heading}. ${items.join('. ')}`} label={heading} voice={voice} />
      </div>
      {/* Care workers write their profiles in English; marking it lets a screen reader switch voice
          when the screens around it are in Welsh (WCAG 3.1.2, language of parts). */}
      <ul lang={PROFILE_LANGUAGE}>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
