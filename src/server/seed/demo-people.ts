import { DEFAULT_PERSON_MODE_SETTINGS } from '../../domain/person-mode';
import { WEEKDAYS, weekly } from '../matching/matching-facts';
import type { DemoVisitPlan } from './demo-data';

/** The demo people, each with one planned home visit to choose from the carers the engine ranks best. */
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
        'Remind me to take my tablets with breakfast',
      ],
      interests: ['old movies', 'Cary Grant', 'Vera Lynn', 'Susan Boyle', 'Aled Jones', 'singing'],
      getsOnWith: ['calm', 'gentle', 'patient', 'great listener'],
      doesNotGetOnWith: ['loud', 'lively', 'rushed'],
      communication: 'Speak clearly and face me: my hearing is not what it was.',
      speech: 'speaks',
      usesPictures: false,
    },
    matching: {
      homePlace: 'Hilda’s home, Bispham, Blackpool',
      referredOn: '2026-10-19',
      visitTimes: weekly('08:00', '08:45', WEEKDAYS),
      home: { lat: 53.853, lon: -3.041 },
      needsSkills: ['medication prompt'],
      languages: ['English'],
      personalCareBy: null,
    },
    // Larger text for her eyesight; a plain press.
    personMode: { ...DEFAULT_PERSON_MODE_SETTINGS, language: 'en', textSize: 'large', selection: 'press' },
    candidates: ['Sam', 'Bethan', 'Grace', 'Tom'],
    inDays: 1,
    at: { hour: 10, minute: 30 },
  },
  {
    person: {
      firstName: 'Ruth',
      age: 91,
      livesAt: 'In her cottage near Totnes in Devon, where she has lived for sixty years',
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
        'I would like a woman to help me wash and dress',
      ],
      interests: ['gardening', 'birdwatching', 'card games', 'a good natter'],
      getsOnWith: ['chatty', 'lively', 'fun'],
      doesNotGetOnWith: ['quiet', 'serious'],
      communication: 'I like to talk things over before I decide.',
      speech: 'speaks',
      usesPictures: false,
    },
    matching: {
      homePlace: 'Ruth’s cottage, near Totnes, Devon',
      referredOn: '2026-11-02',
      visitTimes: weekly('14:00', '15:00', ['mon', 'wed', 'fri']),
      home: { lat: 50.4165, lon: -3.7125 },
      needsSkills: ['medication prompt'],
      languages: ['English'],
      personalCareBy: 'woman',
    },
    personMode: null,
    candidates: ['Rosie', 'Jess', 'Priya'],
    inDays: 2,
    at: { hour: 14, minute: 0 },
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
      speech: 'some-words',
      usesPictures: true,
    },
    matching: {
      homePlace: 'Peter’s flat, Lytham St Annes',
      visitTimes: weekly('11:00', '12:30', ['tue', 'thu']),
      home: { lat: 53.752, lon: -3.027 },
      needsSkills: ['cooking support'],
      languages: ['English'],
      personalCareBy: null,
    },
    // Holding until the ring fills, so a slip of the hand does not choose; the largest text.
    personMode: { ...DEFAULT_PERSON_MODE_SETTINGS, selection: 'dwell', dwellMs: 1_500, textSize: 'largest' },
    candidates: ['Dan', 'Aisha', 'Tom'],
    inDays: 3,
    at: { hour: 11, minute: 0 },
  },
];
