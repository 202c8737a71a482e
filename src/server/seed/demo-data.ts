import type { CarerProfile, PersonProfile } from '../../domain/profiles';

/**
 * The demo organisation, written for Hearth. Everyone here is made up. Ids, photos and films are
 * added when seeding: each carer's media comes from seed/media/avatar-<name>.png and film-<name>.mp4.
 */
export const DEMO_ORGANISATION_NAME = 'Fylde Coast Home Care (demo)';
export const DEMO_ORGANISER = { name: 'Jo Baker', email: 'organiser@demo.hearth.test', password: 'hearth-demo' };

export type DemoCarer = Omit<CarerProfile, 'id' | 'photo' | 'film'>;
export type DemoPerson = Omit<PersonProfile, 'id'>;

export const DEMO_CARERS: DemoCarer[] = [
  {
    firstName: 'Sam',
    appreciated: [
      'Calm and unhurried in the mornings.',
      'Will happily talk about old films for as long as you like.',
      'Notices the little things, like when the tea has gone cold.',
    ],
    mattersToMe: ['Giving people time, not rushing them', 'Sunday lunch with my mum', 'Doing what I said I would do'],
    interests: ['old movies', 'Cary Grant', 'crosswords', 'walking by the sea'],
    qualities: ['calm', 'patient', 'great listener'],
  },
  {
    firstName: 'Priya',
    appreciated: [
      'Always has a story to tell and a laugh to share.',
      'Remembers your grandchildren’s names after one visit.',
      'Brings the energy in without taking over.',
    ],
    mattersToMe: ['Making people laugh', 'My two daughters', 'A proper cup of chai'],
    interests: ['Bollywood films', 'baking', 'gardening', 'quiz shows'],
    qualities: ['chatty', 'fun', 'kind'],
  },
  {
    firstName: 'Tom',
    appreciated: [
      'Steady and patient: explains things one step at a time.',
      'Keeps everything neat and in its place.',
      'Good with pictures and lists when words are hard.',
    ],
    mattersToMe: ['People doing things for themselves', 'Keeping fit', 'My dog, Biscuit'],
    interests: ['football', 'cooking', 'dogs', 'board games'],
    qualities: ['patient', 'organised', 'calm'],
  },
  {
    firstName: 'Grace',
    appreciated: [
      'Sings while she works, softly, if you would like her to.',
      'Gentle hands and a warm voice.',
      'Makes a morning feel less of a struggle.',
    ],
    mattersToMe: ['My church choir', 'Being there when I am needed', 'My grandmother, who taught me to sing'],
    interests: ['singing', 'choir', 'Vera Lynn', 'wartime songs', 'knitting'],
    qualities: ['gentle', 'kind', 'calm'],
  },
  {
    firstName: 'Kwame',
    appreciated: [
      'Full of jokes, and always kind with them.',
      'Listens properly, then tells you something that makes you smile.',
      'Never in a rush to leave.',
    ],
    mattersToMe: ['Family first', 'Treating people with respect', 'Saturday football with my son'],
    interests: ['football', 'jazz', 'history', 'cooking West African food'],
    qualities: ['chatty', 'great listener', 'fun'],
  },
  {
    firstName: 'Megan',
    appreciated: [
      'Bright and lively: the house feels brighter when she comes in.',
      'Loves a good natter about the old days.',
      'Always up for a game of cards.',
    ],
    mattersToMe: ['Laughing every day', 'My nan, who I used to care for', 'Being outdoors'],
    interests: ['card games', 'dancing', 'the seaside', 'soap operas'],
    qualities: ['lively', 'fun', 'chatty'],
  },
  {
    firstName: 'Dan',
    appreciated: [
      'Loves cooking and will cook with you, not for you.',
      'Patient, and clear when he speaks.',
      'Takes time to understand what you are saying.',
    ],
    mattersToMe: ['Good food, cooked from scratch', 'People being independent', 'My allotment'],
    interests: ['cooking', 'baking bread', 'growing vegetables', 'football'],
    qualities: ['patient', 'kind', 'organised'],
  },
  {
    firstName: 'Aisha',
    appreciated: [
      'Organised and calm: you always know what is happening next.',
      'Uses pictures and a simple plan for the day.',
      'Waits for your answer and never finishes your sentences.',
    ],
    mattersToMe: ['Everyone having a say in their own life', 'My faith', 'My nephews and nieces'],
    interests: ['tidy homes', 'cooking', 'crafts', 'walking'],
    qualities: ['organised', 'patient', 'great listener'],
  },
  {
    firstName: 'Bethan',
    appreciated: [
      'Gentle and softly spoken, especially first thing.',
      'Knows every Aled Jones song by heart.',
      'Makes you feel at home in your own home.',
    ],
    mattersToMe: ['Music every day', 'Kindness in small things', 'Going home to Wales in the summer'],
    interests: ['Aled Jones', 'Susan Boyle', 'male voice choirs', 'old movies', 'baking Welsh cakes'],
    qualities: ['gentle', 'calm', 'kind'],
  },
];

export interface DemoVisitPlan {
  person: DemoPerson;
  /** Carer first names, in the order the person will see them. */
  candidates: string[];
  /** Days after the seed time, and the time of day (UTC). */
  inDays: number;
  at: { hour: number; minute: number };
  place: string;
}

export const DEMO_VISITS: DemoVisitPlan[] = [
  {
    person: {
      firstName: 'Hilda',
      age: 94,
      livesAt: 'On her own in a bungalow in Bispham, near Blackpool',
      appreciated: ['Her sharp sense of humour', 'She knows every line of the old films', 'She always asks after your family'],
      importantToMe: [
        'Staying in my own home',
        'My old movies, especially anything with Cary Grant',
        'The music of Vera Lynn, Susan Boyle and Aled Jones',
        'A phone call with my nephew on Sundays',
      ],
      howToSupportMe: [
        'Mornings are hard for me: come in quietly and give me time to wake up',
        'Talk to me calmly and do not rush me',
        'Put my music on while I have my breakfast',
      ],
      interests: ['old movies', 'Cary Grant', 'Vera Lynn', 'Susan Boyle', 'Aled Jones', 'singing'],
      getsOnWith: ['calm', 'gentle', 'patient'],
      doesNotGetOnWith: ['loud', 'rushed'],
      communication: 'Speak clearly and face me: my hearing is not what it was.',
    },
    candidates: ['Sam', 'Grace', 'Bethan', 'Tom'],
    inDays: 1,
    at: { hour: 10, minute: 30 },
    place: 'Hilda’s home, Bispham, Blackpool',
  },
  {
    person: {
      firstName: 'Ruth',
      age: 91,
      livesAt: 'In her cottage in Devon, where she has lived for sixty years',
      appreciated: ['Her laugh, which fills the room', 'Her stories about running the village shop'],
      importantToMe: [
        'The people who come into my home: we laugh, they know me and they care',
        'My garden and my birds',
        'Keeping up with the village news',
      ],
      howToSupportMe: [
        'Have a chat with me: I like to know about your day',
        'Help me out to the garden when the weather is kind',
        'Remind me gently about my tablets',
      ],
      interests: ['gardening', 'birdwatching', 'card games', 'a good natter'],
      getsOnWith: ['chatty', 'lively', 'fun'],
      doesNotGetOnWith: ['quiet', 'serious'],
      communication: 'I like to talk things over before I decide.',
    },
    candidates: ['Priya', 'Megan', 'Kwame'],
    inDays: 2,
    at: { hour: 14, minute: 0 },
    place: 'Ruth’s cottage, near Totnes, Devon',
  },
  {
    person: {
      firstName: 'Peter',
      age: 43,
      livesAt: 'In his own flat in Lytham St Annes',
      appreciated: ['He is a great cook', 'He keeps his flat spotless', 'He is loyal to his friends'],
      importantToMe: ['Cooking my own meals', 'Keeping my flat tidy', 'Choosing things for myself'],
      howToSupportMe: [
        'I have a mild learning disability: keep things simple and clear',
        'Give me time to speak: I have a slight speech impediment',
        'Use pictures when we plan things',
        'Help me to do it, do not do it for me',
      ],
      interests: ['cooking', 'tidy homes', 'football', 'music'],
      getsOnWith: ['patient', 'organised', 'kind'],
      doesNotGetOnWith: ['impatient', 'bossy'],
      communication: 'I choose best with pictures. Show me, then give me time.',
    },
    candidates: ['Dan', 'Aisha', 'Tom'],
    inDays: 3,
    at: { hour: 11, minute: 0 },
    place: 'Peter’s flat, Lytham St Annes',
  },
];

export function photoFileName(carerFirstName: string): string {
  return `avatar-${carerFirstName.toLowerCase()}.png`;
}

export function filmFileName(carerFirstName: string): string {
  return `film-${carerFirstName.toLowerCase()}.mp4`;
}
